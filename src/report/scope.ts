// Route parameter :reportId resolves to the report's organization (see core/http/scope.ts).
import { registerParamScope } from '../core/http/scope.ts';
import { reportOrgId } from './store.ts';

registerParamScope('reportId', async (db, value) => (/^\d{1,15}$/.test(value) ? reportOrgId(db, Number(value)) : null));
