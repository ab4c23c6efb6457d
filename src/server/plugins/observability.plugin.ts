import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { RequestContext } from '../../context/request-context';
import { HubMetrics, operationLabel } from '../metrics';
import { noteViewer, requestRecord } from '../request-id';

/** The root fields an operation selects, in document order (through inline fragments and fragment spreads). */
export function rootFields(operation: OperationDefinitionNode, document: DocumentNode): string[] {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const names: string[] = [];
  const walk = (set: SelectionSetNode, seen: Set<string>): void => {
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) names.push(s.name.value);
      else if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, seen);
      else if (!seen.has(s.name.value)) {
        const f = fragments.get(s.name.value);
        if (f) walk(f.selectionSet, new Set([...seen, s.name.value]));
      }
    }
  };
  walk(operation.selectionSet, new Set());
  return names;
}

/**
 * Tells the request log and /metrics what a GraphQL request was: its operation, named by its first root field the
 * operation table lists (anything else "other", so a client's names never become label values), the viewer's
 * organisation and roles, the outcome and the latency, and the SQL statements it sent.
 */
export function observabilityPlugin(metrics: HubMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      const record = requestRecord(contextValue?.requestId);
      if (contextValue?.viewer) noteViewer(contextValue.requestId, contextValue.viewer);
      let operation = 'other';
      return {
        async didResolveOperation({ operation: op, document, operationName }) {
          if (op) operation = operationLabel(rootFields(op, document).find((f) => operationLabel(f) !== 'other'));
          if (record) {
            record.operation = operation;
            if (operationName) record.operationName = operationName.slice(0, 100);
          }
        },
        async willSendResponse({ contextValue: ctx, response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
          const outcome = errors.length ? 'error' : 'ok';
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.graphqlDuration.observe({ operation, outcome }, seconds);
          metrics.graphqlRequests.inc({ operation, outcome });
          if (ctx?.sql) metrics.sqlStatements.inc(ctx.sql.count);
          if (record) {
            if (!record.operation) record.operation = operation;
            record.errorCodes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')).filter((c) => /^[A-Z_]{1,40}$/.test(c)))];
          }
        },
      };
    },
  };
}
