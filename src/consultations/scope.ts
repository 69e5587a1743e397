// Route parameter :consultationId resolves to the consultation's organization (see core/http/scope.ts).
import { registerParamScope } from '../core/http/scope.ts';
import { consultationOrgId } from './store.ts';

registerParamScope('consultationId', async (db, value) => (/^\d{1,15}$/.test(value) ? consultationOrgId(db, Number(value)) : null));
