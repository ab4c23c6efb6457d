import { FieldNode } from 'graphql';
import { SelectionContext, subfields } from './plan';

/**
 * The planner for the policed records that are not children (households, adopters, links, access-log entries):
 * which of a type's fields are selected (by field name; aliases read one property of the JSON), and the nodes of
 * its relations, to be planned by the caller that knows what they hold.
 */

/** What one position holding records of a type asks for. */
export interface RecordPlan {
  /** Scalar and object fields selected, relations included (by field name). */
  fields: Set<string>;
  /** The field nodes of each selected field, for planning relations below. */
  nodes: Map<string, FieldNode[]>;
}

/** What a page of records (`<Type>Connection`) asks for. */
export interface RecordConnectionPlan {
  node?: RecordPlan;
  edges: boolean;
  edgeCursor: boolean;
  pageInfo: Set<'hasNextPage' | 'hasPreviousPage' | 'startCursor' | 'endCursor'>;
  totalCount: boolean;
}

/** Plans the selection of `nodes` on `type`. */
export function planRecord(sc: SelectionContext, type: string, nodes: readonly FieldNode[]): RecordPlan {
  const byName = subfields(sc, type, nodes);
  return { fields: new Set(byName.keys()), nodes: byName };
}

/** Plans a connection selection (`<prefix>Connection` with `<prefix>Edge`s whose nodes are `nodeType`). */
export function planRecordConnection(sc: SelectionContext, prefix: string, nodeType: string, nodes: readonly FieldNode[]): RecordConnectionPlan {
  const plan: RecordConnectionPlan = { edges: false, edgeCursor: false, pageInfo: new Set(), totalCount: false };
  for (const [name, fieldNodes] of subfields(sc, `${prefix}Connection`, nodes)) {
    if (name === 'totalCount') plan.totalCount = true;
    else if (name === 'pageInfo') {
      for (const n of subfields(sc, 'PageInfo', fieldNodes).keys()) plan.pageInfo.add(n as 'hasNextPage');
    } else if (name === 'edges') {
      plan.edges = true;
      for (const [e, edgeNodes] of subfields(sc, `${prefix}Edge`, fieldNodes)) {
        if (e === 'cursor') plan.edgeCursor = true;
        else if (e === 'node') plan.node = planRecord(sc, nodeType, edgeNodes);
      }
    }
  }
  return plan;
}
