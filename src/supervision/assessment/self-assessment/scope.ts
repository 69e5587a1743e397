// The route parameter :selfAssessmentId resolves to the agency whose self-assessment it is (see
// core/http/scope.ts): its own people and the region roles above it get past the scope check.
import { registerParamScope } from '../../../core/http/scope.ts';
import { selfAssessmentOrgId } from './store.ts';

registerParamScope('selfAssessmentId', async (db, v) => (/^\d{1,15}$/.test(v) ? selfAssessmentOrgId(db, Number(v)) : null));
