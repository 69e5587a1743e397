// Route parameters of the task breakdown and rectification items resolve to their organization (see
// core/http/scope.ts): a task to the office that wrote it; an agency's part of a task, a rectification
// item and an evidence document to the agency.
import { registerParamScope } from '../../core/http/scope.ts';
import { documentOrgId, progressOrgId, rectificationOrgId, taskOrgId } from './store.ts';

const id = (value: string) => (/^\d{1,15}$/.test(value) ? Number(value) : null);
registerParamScope('taskId', async (db, v) => (id(v) === null ? null : taskOrgId(db, id(v)!)));
registerParamScope('progressId', async (db, v) => (id(v) === null ? null : progressOrgId(db, id(v)!)));
registerParamScope('rectificationId', async (db, v) => (id(v) === null ? null : rectificationOrgId(db, id(v)!)));
registerParamScope('evidenceDocId', async (db, v) => (id(v) === null ? null : documentOrgId(db, id(v)!)));
