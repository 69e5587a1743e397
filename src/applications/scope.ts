// Route parameter :caseId resolves to the case's organization (see core/http/scope.ts).
import { registerParamScope } from '../core/http/scope.ts';
import { caseOrgId } from './store.ts';

registerParamScope('caseId', async (db, value) => (/^\d{1,15}$/.test(value) ? caseOrgId(db, Number(value)) : null));
