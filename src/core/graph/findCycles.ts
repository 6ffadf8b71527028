/**
 * Connector cycles (config-semantics §7.2): data leaving pipeline A through connector C into
 * pipeline B must never come back to C. Receivers and exporters can't close a loop; only
 * connectors can, so the search runs over connectors: C → D when D is an exporter of a pipeline
 * where C is a receiver.
 */
import type { ComponentId, PipelineId } from '../config/componentId';

export interface ConnectorUse {
  readonly connector: ComponentId;
  /** Pipelines where the connector is listed under `exporters` (data goes in). */
  readonly exporterOf: readonly PipelineId[];
  /** Pipelines where it is listed under `receivers` (data comes out). */
  readonly receiverOf: readonly PipelineId[];
}

/**
 * Finds the strongly connected groups of connectors that form cycles (Tarjan), each returned as
 * one cycle path starting and ending at its first connector, as the Collector prints them.
 */
export function findCycles(uses: readonly ConnectorUse[], exportersOf: (pipeline: PipelineId) => readonly ComponentId[]): ComponentId[][] {
  const connectors = new Set(uses.map((u) => u.connector));
  const next = new Map<ComponentId, ComponentId[]>();
  for (const use of uses) {
    const targets = new Set<ComponentId>();
    for (const pipeline of use.receiverOf) {
      for (const exporter of exportersOf(pipeline)) if (connectors.has(exporter)) targets.add(exporter);
    }
    next.set(use.connector, [...targets]);
  }

  let counter = 0;
  const index = new Map<ComponentId, number>();
  const low = new Map<ComponentId, number>();
  const stack: ComponentId[] = [];
  const onStack = new Set<ComponentId>();
  const groups: ComponentId[][] = [];

  // Iterative Tarjan, so a 1,000-connector chain can't overflow the call stack.
  for (const start of connectors) {
    if (index.has(start)) continue;
    const work: { node: ComponentId; edge: number }[] = [{ node: start, edge: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const edges = next.get(frame.node) ?? [];
      if (frame.edge < edges.length) {
        const target = edges[frame.edge++]!;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, edge: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        const group: ComponentId[] = [];
        let member: ComponentId;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          group.push(member);
        } while (member !== frame.node);
        const selfLoop = group.length === 1 && (next.get(group[0]!) ?? []).includes(group[0]!);
        if (group.length > 1 || selfLoop) groups.push(group.reverse());
      }
    }
  }
  return groups.map((group) => cyclePath(group, next));
}

/** One concrete cycle through a strongly connected group, closed at its first connector. */
function cyclePath(group: ComponentId[], next: Map<ComponentId, ComponentId[]>): ComponentId[] {
  const members = new Set(group);
  const start = group[0]!;
  // Breadth-first search for the shortest way back to the start within the group.
  const previous = new Map<ComponentId, ComponentId>();
  const queue: ComponentId[] = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of next.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path: ComponentId[] = [start];
        let at: ComponentId | undefined = node;
        const back: ComponentId[] = [];
        while (at !== undefined && at !== start) {
          back.push(at);
          at = previous.get(at);
        }
        path.push(...back.reverse(), start);
        return path;
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [...group, start];
}
