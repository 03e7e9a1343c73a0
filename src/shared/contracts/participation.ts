import Type, { type Static } from 'typebox';
import { programAreas, programSubcategories, targetGroups } from '../vocabulary/index.ts';
import { CityCode, Code, DongCode, Nullable } from './common.ts';

/** "I would like to learn …": what a resident tells their city, where, for whom. */
export const LearningWish = Type.Object({
  id: Type.Integer(),
  cityCode: Type.String(),
  dongCode: Nullable(Type.String()),
  area: Code(programAreas.codes),
  subcategory: Nullable(Code(programSubcategories.codes)),
  targetGroup: Code(targetGroups.codes),
  note: Type.String(),
  createdAt: Type.String(),
});
export type LearningWish = Static<typeof LearningWish>;

export const LearningWishBody = Type.Object({
  /** Defaults to the person's home city and dong. */
  cityCode: Type.Optional(CityCode),
  dongCode: Type.Optional(Nullable(DongCode)),
  area: Code(programAreas.codes),
  subcategory: Type.Optional(Nullable(Code(programSubcategories.codes))),
  targetGroup: Type.Optional(Code(targetGroups.codes)),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false });
export type LearningWishBody = Static<typeof LearningWishBody>;
