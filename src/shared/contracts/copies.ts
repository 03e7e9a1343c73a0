/** Copied programs: near-duplicate listings across institutions, the duplication ratios, the check before publishing. */
import Type, { type Static } from 'typebox';
import { programAreas, programStatuses } from '../vocabulary/index.ts';
import { Code, Nullable, PageQuery, MAX_INT } from './common.ts';
import { CreateProgramBody } from './programs.ts';

/** One program of a pair, as the side-by-side comparison shows it. */
export const CopySide = Type.Object({
  programId: Type.Integer(),
  title: Type.String(),
  area: Code(programAreas.codes),
  status: Code(programStatuses.codes),
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  cityCode: Type.String(),
  cityNameKo: Type.String(),
  cityNameEn: Type.String(),
  excerpt: Type.String({ description: 'The start of the description' }),
});
export type CopySide = Static<typeof CopySide>;

/** Two listings of different institutions whose copy score reaches the threshold; `ours` is the asker's side. */
export const CopyPair = Type.Object({
  similarity: Type.Number({ minimum: 0, maximum: 1, description: 'Copy score: weighted mean of the description bodies’ character 3-gram Jaccard similarity, the share of the shorter title’s 3-grams in the other, whether the instructor is the same, and how far subcategory, target groups, hours a session and sessions agree' }),
  detectedAt: Type.String(),
  ours: CopySide,
  theirs: CopySide,
});
export type CopyPair = Static<typeof CopyPair>;

export const CityCopyPairsQuery = Type.Object(
  {
    ...PageQuery,
    area: Type.Optional(Code(programAreas.codes, "Only pairs with one of the city's programs in this area")),
    institution: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_INT, description: "Only pairs with a program of this institution of the city" })),
  },
  { additionalProperties: false },
);
export type CityCopyPairsQuery = Static<typeof CityCopyPairsQuery>;

export const DuplicationRatio = Type.Object({
  programs: Type.Integer({ description: 'Published or closed programs' }),
  withCopies: Type.Integer({ description: 'Of those, programs with a near-copy at another institution' }),
  ratio: Type.Number({ minimum: 0, maximum: 1 }),
});
export type DuplicationRatio = Static<typeof DuplicationRatio>;

export const AreaDuplication = Type.Object({ area: Code(programAreas.codes), ...DuplicationRatio.properties });
export type AreaDuplication = Static<typeof AreaDuplication>;

export const InstitutionDuplication = Type.Object({
  institutionId: Type.Integer(),
  institutionName: Type.String(),
  ...DuplicationRatio.properties,
});
export type InstitutionDuplication = Static<typeof InstitutionDuplication>;

export const CopyDetectionRun = Type.Object({
  id: Type.Integer(),
  startedAt: Type.String(),
  finishedAt: Type.String(),
  programs: Type.Integer(),
  pairs: Type.Integer(),
  threshold: Type.Number(),
  seconds: Type.Number(),
});
export type CopyDetectionRun = Static<typeof CopyDetectionRun>;

/** A city's duplication as of the last detection run (null figures: no run yet). */
export const CityCopySummary = Type.Object({
  threshold: Type.Number(),
  run: Nullable(CopyDetectionRun),
  city: DuplicationRatio,
  national: Nullable(DuplicationRatio),
  byArea: Type.Array(AreaDuplication),
});
export type CityCopySummary = Static<typeof CityCopySummary>;

/** A listing before it is published: the same limits as publishing it. */
export const DraftCheckBody = Type.Object(
  {
    title: CreateProgramBody.properties.title,
    description: CreateProgramBody.properties.description,
    area: Type.Optional(CreateProgramBody.properties.area),
  },
  { additionalProperties: false },
);
export type DraftCheckBody = Static<typeof DraftCheckBody>;

export const DraftMatch = Type.Object({
  ...CopySide.properties,
  similarity: Type.Number({ minimum: 0, maximum: 1 }),
  sameArea: Nullable(Type.Boolean({ description: 'Whether it is in the area the draft names (null: the draft named none)' })),
});
export type DraftMatch = Static<typeof DraftMatch>;

export const DraftCheckResult = Type.Object({
  threshold: Type.Number(),
  matches: Type.Array(DraftMatch, { description: 'The most similar published programs of other institutions at or above the threshold, most similar first (at most 5)' }),
});
export type DraftCheckResult = Static<typeof DraftCheckResult>;

export const DetectionStarted = Type.Object({ jobId: Type.String() });
