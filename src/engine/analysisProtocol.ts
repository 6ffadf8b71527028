/** Messages between the page and the analysis worker (style.md #9). */
import type { Analysis, AnalysisInput } from '../core/analysis/analyzeConfig';

export type AnalysisRequest = { readonly type: 'analyze'; readonly requestId: number; readonly input: AnalysisInput };

export type AnalysisResponse =
  | { readonly type: 'analysis'; readonly requestId: number; readonly analysis: Analysis; readonly elapsedMs: number }
  | { readonly type: 'failure'; readonly requestId: number; readonly message: string };
