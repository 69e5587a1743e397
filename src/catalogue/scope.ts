// Route parameters :itemId, :columnId and :attachmentId resolve to their organization (see core/http/scope.ts).
import { registerParamScope } from '../core/http/scope.ts';
import { attachmentOrgId, columnOrgId, itemOrgId } from './store.ts';

registerParamScope('itemId', itemOrgId);
registerParamScope('columnId', columnOrgId);
registerParamScope('attachmentId', attachmentOrgId);
