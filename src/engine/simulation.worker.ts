/// <reference lib="webworker" />
// Wiring only: messages in, the host (and through it core) out (style.md #9).
import type { SimulationRequest } from './simulationProtocol';
import { createMessageChannelYield, createSimulationHost } from './simulationHost';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const host = createSimulationHost({
  post: (message, transfer) => scope.postMessage(message, transfer),
  yieldNow: createMessageChannelYield(),
  fetchBytes: async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`could not read ${url}: HTTP ${response.status}`);
    return response.blob();
  },
});

scope.onmessage = (event: MessageEvent<SimulationRequest>) => host.handle(event.data);
