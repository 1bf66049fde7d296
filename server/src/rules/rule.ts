// A rule groups checks about one concern and runs them over the project model. Rules see the model
// only, never syntax trees; every finding goes through the reporter, which gives it its check id,
// default severity and message.
import type { FixPlan } from '../model/fix-plans';
import type { Finding, Location, ProjectModel, Severity } from '../model/types';
import type { Check, RuleId, TemplateData } from './check';

export interface RelatedPlace {
  location: Location;
  message: string;
}

/** What a report says besides its check and place. */
export interface ReportDetails<M extends string> {
  /** The template to render; a check with one template, or with one called `message`, needs none. */
  message?: M;
  data?: TemplateData;
  fixes?: readonly (FixPlan | undefined)[];
  related?: readonly RelatedPlace[];
}

export type Report = <M extends string>(check: Check<M>, at: Location, details?: ReportDetails<M>) => void;

/** A rule's identity and documentation: what the CLI's rule list, SARIF and the README's table are made from. */
export interface RuleMeta {
  id: RuleId;
  /** One line, shown in rule lists. */
  summary: string;
  checks: readonly Check[];
  /** How the code lens above a model counts this rule's findings on the model's fields (`unindexed filter`), if it does. */
  lens?: { one: string; many: string };
}

export interface Rule extends RuleMeta {
  check(model: ProjectModel): Finding[];
}

export interface RuleSpec extends RuleMeta {
  /** Runs every check of the rule, reporting through `report`. */
  run(model: ProjectModel, report: Report): void;
}

export function defineRule(spec: RuleSpec): Rule {
  const own = new Set(spec.checks);
  for (const check of spec.checks) if (check.rule !== spec.id) throw new Error(`${check.id} is listed under ${spec.id}`);
  return {
    id: spec.id,
    summary: spec.summary,
    checks: spec.checks,
    ...(spec.lens ? { lens: spec.lens } : {}),
    check(model) {
      const findings: Finding[] = [];
      const report: Report = (check, at, details = {}) => {
        if (!own.has(check)) throw new Error(`${spec.id} reports ${check.id}, which it does not list`);
        findings.push(findingOf(check, at, details));
      };
      spec.run(model, report);
      return findings;
    },
  };
}

/** The message a report renders: the template it names, else the check's only one or the one called `message`. */
export function reportMessage<M extends string>(check: Check<M>, details: ReportDetails<M>): string {
  const ids = Object.keys(check.messages) as M[];
  const message = details.message ?? (ids.length === 1 ? ids[0] : ids.find((id) => id === 'message'));
  if (message === undefined) throw new Error(`${check.id}: a report must name one of its messages (${ids.join(', ')})`);
  return check.text(message, details.data);
}

function findingOf<M extends string>(check: Check<M>, at: Location, details: ReportDetails<M>): Finding {
  const plans = (details.fixes ?? []).filter((plan): plan is FixPlan => plan !== undefined);
  return {
    rule: check.rule,
    check: check.id,
    severity: check.severity,
    file: at.file,
    range: at.range,
    message: reportMessage(check, details),
    fixes: [],
    ...(plans.length ? { plans } : {}),
    ...(details.related?.length ? { related: [...details.related] } : {}),
  };
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];
