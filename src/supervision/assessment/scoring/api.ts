// JSON API of the scoring scheme (考核评分): the office's result table of a year, computing it, and a
// person's score with its reason. The same commands and Chinese messages as the console.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { forbidden } from '../../../core/errors.ts';
import type { AppDeps } from '../../../core/http/deps.ts';
import { currentYear } from '../../../core/today.ts';
import { staffContext } from '../../../orgs/context.ts';
import type { AgencyFactSource } from '../../../orgs/shell/agency-facts.ts';
import { currentOrg } from '../../../orgs/staff/auth.ts';
import { assessmentPolicy } from '../policy.ts';
import * as commands from './commands.ts';
import { presentResults } from './present.ts';
import { scoringResults } from './results.ts';
import './scope.ts';

const year = z.coerce.number().int().min(2008).max(2100);
const resultsSchema = z.object({
  year: z.number(),
  computedAt: z.string().nullable().describe('自动计算指标最近一次计算的时间'),
  indicators: z.array(z.object({
    id: z.number(), title: z.string(), description: z.string(), points: z.number(), deduction: z.number().nullable().describe('每处扣分；null 为出现即扣除全部分值'),
    veto: z.boolean().describe('单项否决'), source: z.string().nullable().describe('自动计算方法；null 为人工评分'),
  })),
  agencies: z.array(z.object({
    code: z.string(), name: z.string(),
    scores: z.array(z.object({ indicatorId: z.number(), score: z.number().nullable(), veto: z.boolean(), computed: z.boolean().nullable(), detail: z.string().nullable().describe('计算所依据的数据，或人工评分的理由') })),
    total: z.number().nullable(), grade: z.enum(['pass', 'fail', 'veto', 'incomplete']), gradeLabel: z.string(), rank: z.number().nullable(),
  })),
});
const MANAGE = '只有政府办公室的系统管理员或监督员可以查看和计算考核结果';

export function scoringApiRoutes(deps: AppDeps, sources: readonly AgencyFactSource[]) {
  const { db } = deps;
  return async (parent: FastifyInstance) => {
    const app = parent.withTypeProvider<ZodTypeProvider>();
    const tags = ['考核评分'];
    const office = async (request: FastifyRequest) => {
      const org = await currentOrg(db, request.staff!);
      if (!assessmentPolicy.manage(request.staff!, org)) throw forbidden(MANAGE);
      return org;
    };

    app.get('/assessment/scoring', {
      schema: { tags, summary: '当前政府办公室某年度的考核结果：各机关各项指标的得分、依据、总分、结果和排名', querystring: z.object({ year: year.optional() }), response: { 200: resultsSchema } },
    }, async (request) => {
      const org = await office(request);
      const y = request.query.year ?? currentYear();
      return presentResults(y, await scoringResults(db, org, y));
    });

    app.post('/assessment/scoring/compute', {
      schema: { tags, summary: '按平台数据计算自动计算指标的得分（人工评分不变）', body: z.object({ year }), response: { 200: resultsSchema } },
    }, async (request) => {
      const org = await office(request);
      await commands.computeScores(db, staffContext(request.staff!, request.id), org.id, request.body.year, sources);
      return presentResults(request.body.year, await scoringResults(db, org, request.body.year));
    });

    app.put('/assessment/scoring/indicators/:indicatorId/agencies/:orgId', {
      schema: {
        tags, summary: '人工评分（人工评分的指标，或平台无数据可计算的指标），须说明理由',
        body: z.object({ score: z.number(), veto: z.boolean().optional(), reason: z.string() }), response: { 204: z.null() },
      },
    }, async (request, reply) => {
      const p = request.params as { indicatorId: string; orgId: string };
      await commands.scoreByHand(db, staffContext(request.staff!, request.id), Number(p.indicatorId), Number(p.orgId), request.body);
      return reply.status(204).send(null);
    });
  };
}
