// Route parameter :userId resolves to the user's organization (see core/http/scope.ts).
import { registerParamScope } from '../../core/http/scope.ts';
import { findUserById } from './store.ts';

registerParamScope('userId', async (db, value) => (/^\d{1,15}$/.test(value) ? ((await findUserById(db, Number(value)))?.orgId ?? null) : null));
