// The scoring matrix of a month as one call: the method in force for problems and for solutions,
// each item's scores (the raters' mean where the method is scored per rater), total, rank and the
// tie rule — the very computation `lokmin rank` makes (rankProblems, rankSolutions), from the
// meeting's current values, valid or not elsewhere. The app's scoring pages show it as the person
// types; the meeting on a projector (issue 29) can show it the same way.
import { z } from "zod";
import { meetingSchema, type Meeting, type Workspace } from "../schema.js";
import { methodDef, type MethodDef } from "./methods.js";
import { problemMethod, rankProblems, rankSolutions, solutionMethod, type SolutionRanking } from "./month.js";
import type { RankResult } from "./rank.js";

export interface ScoreMatrix {
  problems: { method: MethodDef; result: RankResult };
  solutions: { method: MethodDef; results: SolutionRanking[] };
}

/** Only what ranking reads: the problems with their scores and solutions, and the month's methods. */
const scoredPart = z.object({ masalah: meetingSchema.shape.masalah, metode: meetingSchema.shape.metode });

/** The matrix of `meeting` (plain data); undefined when its problems cannot be read as problems. */
export function scoreMatrix(config: Workspace, meeting: unknown, file = "rapat.yaml"): ScoreMatrix | undefined {
  const parsed = scoredPart.safeParse(meeting);
  if (!parsed.success) return undefined;
  const m = parsed.data as unknown as Meeting;
  return {
    problems: {
      method: methodDef(problemMethod(config, m), config.penilaian, "masalah"),
      result: rankProblems(config, m, file),
    },
    solutions: {
      method: methodDef(solutionMethod(config, m), config.penilaian, "solusi"),
      results: rankSolutions(config, m, file),
    },
  };
}
