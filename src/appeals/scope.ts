// Route parameter :appealId resolves to the record's organization (see core/http/scope.ts).
import { registerParamScope } from '../core/http/scope.ts';
import { appealOrgId } from './store.ts';

registerParamScope('appealId', async (db, value) => (/^\d{1,15}$/.test(value) ? appealOrgId(db, Number(value)) : null));
