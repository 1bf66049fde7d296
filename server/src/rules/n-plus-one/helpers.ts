// A loop that calls, once per element, a function of the project that runs a query: the query runs once
// per element too. The link phase follows each call by binding through the call graph (any depth, across
// files) to the queries it reaches; calls to functions listed in stackscope.json `queryFunctions` count by name.
import { relative } from 'node:path';
import type { LoopCall, ProjectModel } from '../../model/types';
import type { Report } from '../rule';
import { queryHelperPerRow } from './checks/query-helper-per-row';
import { startsInOneTick } from './prisma';

export function checkHelperCalls(model: ProjectModel, report: Report): void {
  const configured = new Set(model.queryFunctions);
  const reached = new Set(model.loopCalls.filter((call) => call.reaches).map(placeOf));
  for (const call of model.loopCalls) {
    const loop = { location: call.loop, message: queryHelperPerRow.text('relatedLoop') };
    const data = { callee: call.callee, loopKind: call.loopKind };
    const reaches = call.reaches;
    if (!reaches) {
      if (configured.has(call.callee) && !reached.has(placeOf(call)))
        report(queryHelperPerRow, call.location, { message: 'configured', data, related: [loop] });
      continue;
    }
    if (reaches.batchable && startsInOneTick(call.loopKind)) continue;
    const { query } = reaches;
    const advice = reaches.recursive ? 'adviceTree' : query.write ? 'adviceWrite' : ADVICE[query.stack];
    if (!advice) continue;
    const place = `${relative(model.root, query.location.file)}:${query.location.range.start.line + 1}`;
    // A long chain is named by its ends; related information lists every function of it.
    const chain = reaches.through.slice(1).map((fn) => `\`${fn.name}()\``);
    const through = chain.length > 2 ? [chain[0], '…', chain[chain.length - 1]] : chain;
    report(queryHelperPerRow, call.location, {
      message: reaches.recursive ? 'recursive' : through.length > 0 ? 'messageThrough' : 'message',
      data: {
        ...data,
        call: query.call,
        place,
        through: through.join(' → '),
        advice: queryHelperPerRow.text(advice),
      },
      related: [
        ...reaches.through
          .slice(1)
          .map((fn) => ({ location: fn.location, message: queryHelperPerRow.text('relatedThrough', { name: fn.name }) })),
        { location: query.location, message: queryHelperPerRow.text('relatedQuery', { callee: call.callee }) },
        ...(call.alsoCalls ?? []).map((other) => ({
          location: other.location,
          message: queryHelperPerRow.text('relatedAlso', { callee: other.callee }),
        })),
        loop,
      ],
    });
  }
}

/** The set-based read of each ORM the call graph reads queries of. */
const ADVICE: Partial<Record<string, 'adviceTypeorm' | 'advicePrisma' | 'adviceSequelize' | 'adviceMongoose'>> = {
  typeorm: 'adviceTypeorm',
  prisma: 'advicePrisma',
  sequelize: 'adviceSequelize',
  mongoose: 'adviceMongoose',
};

function placeOf(call: LoopCall): string {
  return `${call.location.file}:${call.location.range.start.line}:${call.location.range.start.character}`;
}
