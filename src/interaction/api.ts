// JSON API of messages from the public: schema → authorize → command → present. The current
// organization's messages, one message, drafting and signing its reply, and its figures for a year.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden, notFound } from '../core/errors.ts';
import type { AppDeps } from '../core/http/deps.ts';
import { currentYear, today } from '../core/today.ts';
import { staffContext } from '../orgs/context.ts';
import type { Organization } from '../orgs/model.ts';
import { currentOrg } from '../orgs/staff/auth.ts';
import * as commands from './commands.ts';
import type { InteractionHooks } from './hooks.ts';
import { BOXES, CATEGORIES, CHANNELS, RATINGS, STATES } from './model.ts';
import { interactionPolicy } from './policy.ts';
import { presentMessage } from './present.ts';
import { statsOf } from './reads.ts';
import './scope.ts';
import { findMessage, listMessages } from './store.ts';

const messageSchema = z.object({
  id: z.number(), orgId: z.number(), addressedOrgId: z.number(),
  category: z.enum(CATEGORIES), categoryLabel: z.string(), box: z.enum(BOXES), channel: z.enum(CHANNELS), channelLabel: z.string(),
  subject: z.string(), content: z.string(),
  contact: z.object({ name: z.string(), phone: z.string(), email: z.string() }).nullable().describe('留言人联系方式：只对本机关依申请办理人和负责人显示'),
  consentPublish: z.boolean(), receivedOn: z.string(), clockStartOn: z.string().describe('答复期限的起算日（转办的为转办之日）'), dueOn: z.string().nullable(),
  state: z.enum(STATES), stateLabel: z.string(), reply: z.string().nullable(), replyDraftedBy: z.string().nullable(), replySignedBy: z.string().nullable(),
  answeredOn: z.string().nullable(), mergedIntoId: z.number().nullable(), splitFromId: z.number().nullable(), convertedReceiptNo: z.string().nullable(),
  published: z.boolean(), rating: z.enum(RATINGS).nullable(),
});
const statsSchema = z.object({
  received: z.number(), answered: z.number(), answeredOnTime: z.number(), medianWorkdays: z.number().nullable(), averageWorkdays: z.number().nullable(),
  published: z.number(), rated: z.number(), satisfaction: z.number().nullable().describe('评价“满意”“基本满意”的占已评价的比例（0–1），无评价时为 null'),
  ratings: z.object({ satisfied: z.number(), basically: z.number(), unsatisfied: z.number() }),
});

export function interactionApiRoutes(deps: AppDeps, hooks: InteractionHooks) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['留言办理'];
    const readable = async (request: FastifyRequest): Promise<Organization> => {
      const org = request.scopedOrg ?? (await currentOrg(db, request.staff!));
      if (!interactionPolicy.read(request.staff!, org)) throw forbidden('只有依申请办理人、机关负责人、系统管理员和监督员可以查看留言');
      return org;
    };
    const idOf = (request: FastifyRequest) => Number((request.params as { letterId: string }).letterId);
    const detail = async (request: FastifyRequest) => {
      const org = await readable(request);
      const m = await findMessage(db, idOf(request));
      if (!m) throw notFound('该留言');
      return presentMessage(m, interactionPolicy.readPersonalData(request.staff!, org));
    };

    app.get('/letters', {
      schema: { tags, summary: '当前机构的留言（办理中的按答复期限排列）', querystring: z.object({ state: z.enum(['open', 'reply_drafted', 'overdue', 'done', 'all']).optional() }), response: { 200: z.object({ letters: z.array(messageSchema) }) } },
    }, async (request) => {
      const org = await readable(request);
      const withContact = interactionPolicy.readPersonalData(request.staff!, org);
      const list = await listMessages(db, org.id, { state: request.query.state ?? 'open', today: today() });
      return { letters: list.map((m) => presentMessage(m, withContact)) };
    });

    app.get('/letters/stats', {
      schema: { tags, summary: '当前机构某年度收到的留言的办理情况（收到、答复、按期答复、用时中位数、公开、满意率）', querystring: z.object({ year: z.coerce.number().int().min(2008).max(2100).optional() }), response: { 200: statsSchema } },
    }, async (request) => {
      const org = await readable(request);
      return statsOf(db, org.id, request.query.year ?? currentYear());
    });

    app.get('/letters/:letterId', { schema: { tags, summary: '一条留言', response: { 200: messageSchema } } }, async (request) => detail(request));

    app.post('/letters/:letterId/reply', {
      schema: { tags, summary: '起草（或修改）答复，提交负责人签发（本机关依申请办理人或负责人）', body: z.object({ reply: z.string() }), response: { 200: messageSchema } },
    }, async (request) => {
      await commands.draftReply(db, staffContext(request.staff!, request.id), idOf(request), request.body);
      return detail(request);
    });

    app.post('/letters/:letterId/sign', {
      schema: { tags, summary: '签发答复（机关负责人）；留言人同意公开且 publish 不为 false 时在门户公开（隐去个人信息）', body: z.object({ publish: z.boolean().optional() }), response: { 200: messageSchema } },
    }, async (request) => {
      await commands.signReply(db, staffContext(request.staff!, request.id), idOf(request), { publish: request.body.publish }, hooks);
      return detail(request);
    });
  };
}
