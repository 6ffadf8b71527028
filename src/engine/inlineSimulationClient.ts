/**
 * The in-process twin of the simulation worker (style.md #10): the same client and host, with
 * messages passed directly instead of posted. Replies are delivered on a later microtask, as
 * they would be from a worker, so callers see the same ordering.
 */
import { createSimulationClient, type SimulationClient } from './simulationClient';
import { createMessageChannelYield, createSimulationHost } from './simulationHost';
import type { SimulationResponse } from './simulationProtocol';

export interface InlineOptions {
  /** Reads bundled samples (tests pass a file reader). */
  readonly fetchBytes?: (url: string) => Promise<Blob>;
  /** Replaces the engine's yield between steps (tests use it to hold a run mid-way). */
  readonly yieldNow?: () => Promise<void>;
}

export function createInlineSimulationClient(options: InlineOptions = {}): SimulationClient {
  let deliver: (reply: SimulationResponse) => void = () => {};
  const host = createSimulationHost({
    post: (message) => queueMicrotask(() => deliver(message)),
    yieldNow: options.yieldNow ?? createMessageChannelYield(),
    ...(options.fetchBytes ? { fetchBytes: options.fetchBytes } : {}),
  });
  const { client, receive } = createSimulationClient((request) => queueMicrotask(() => host.handle(request)));
  deliver = receive;
  return client;
}
