import Type, { type Static } from 'typebox';
import { Nullable } from './common.ts';

const Score = Type.Integer({ minimum: 1, maximum: 5 });

export const RatingBody = Type.Object(
  {
    instructor: Score, materials: Score, motive: Score, facility: Score, overall: Score,
    comment: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
);
export type RatingBody = Static<typeof RatingBody>;

export const Rating = Type.Object({ ...RatingBody.properties, comment: Type.String(), updatedAt: Type.String() });
export type Rating = Static<typeof Rating>;

export const SatisfactionSummary = Type.Object({
  responses: Type.Integer(),
  /** Per item, 1–5; null until enough people have answered. */
  averages: Nullable(Type.Object({ instructor: Type.Number(), materials: Type.Number(), motive: Type.Number(), facility: Type.Number(), overall: Type.Number() })),
  minimumShown: Type.Integer(),
});
export type SatisfactionSummary = Static<typeof SatisfactionSummary>;
