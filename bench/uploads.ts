// Figure 5, uploads: 20 concurrent 2 MB Argos submissions, RSS growth and temp files left (goal
// < 50 MB, 0). Argos has not landed on this branch, so nothing is measured: the row says so
// instead of carrying made-up numbers. Replace this file's body once the Argos adapter exists.
import type { FigureResult } from './lib.js';

export const GOALS = { rssGrowthMB: 50, tempFilesLeft: 0, concurrent: 20, sizeMB: 2 };

export async function uploads(): Promise<FigureResult> {
  return {
    rows: [
      {
        figure: '5 Uploads',
        scenario: `${GOALS.concurrent} concurrent ${GOALS.sizeMB} MB Argos submissions`,
        kycGraph: 'not measured: Argos not landed',
        baseline: 'not measured',
        goal: `RSS growth < ${GOALS.rssGrowthMB} MB, ${GOALS.tempFilesLeft} temp files left`,
        met: null,
      },
    ],
    data: { measured: false, reason: 'not measured: Argos not landed', goal: GOALS },
  };
}
