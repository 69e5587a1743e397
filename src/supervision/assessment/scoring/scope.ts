// The route parameter of an indicator resolves to the office that wrote it (see core/http/scope.ts).
import { registerParamScope } from '../../../core/http/scope.ts';
import { indicatorOrgId } from './store.ts';

registerParamScope('indicatorId', async (db, v) => (/^\d{1,15}$/.test(v) ? indicatorOrgId(db, Number(v)) : null));
