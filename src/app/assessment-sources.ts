// The computed indicators of the yearly assessment (考核): each module counts from its own records what
// the office may score (orgs/shell/agency-facts.ts); the scoring pages offer them in this order.
import { overdueRepliesFacts } from '../applications/assessment-facts.ts';
import { columnHealthFacts, interpretationFacts } from '../catalogue/assessment-facts.ts';
import { deadLinkFacts, wordingFacts } from '../catalogue/inspection/assessment-facts.ts';
import type { AgencyFactSource } from '../orgs/shell/agency-facts.ts';
import { reportFacts } from '../supervision/assessment/scoring/report-facts.ts';

export const ASSESSMENT_FACT_SOURCES: readonly AgencyFactSource[] = [reportFacts, overdueRepliesFacts, columnHealthFacts, deadLinkFacts, interpretationFacts, wordingFacts];
