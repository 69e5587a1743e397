// Route parameters that name an organization resolve to it (see core/http/scope.ts).
import { registerParamScope } from '../core/http/scope.ts';
import { findOrgByCode, findOrgById } from './store.ts';

registerParamScope('orgId', async (db, value) => (/^\d{1,15}$/.test(value) ? ((await findOrgById(db, Number(value)))?.id ?? null) : null));
registerParamScope('orgCode', async (db, value) => (await findOrgByCode(db, value))?.id ?? null);
