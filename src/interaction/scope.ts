// Route parameter :letterId resolves to the organization handling the message (see core/http/scope.ts).
import { registerParamScope } from '../core/http/scope.ts';
import { messageOrgId } from './store.ts';

registerParamScope('letterId', async (db, value) => (/^\d{1,15}$/.test(value) ? messageOrgId(db, Number(value)) : null));
