/** Who serves what in a city: institutions by program area × target group × dong, with overlaps and gaps. */
import Type, { type Static } from 'typebox';
import { programAreas, targetGroups } from '../vocabulary/index.ts';
import { Code, PageQuery } from './common.ts';

export const RoleMapCell = Type.Object({
  area: Code(programAreas.codes),
  target: Code(targetGroups.codes),
  institutions: Type.Integer({ description: 'Institutions running programs for this area and group' }),
  programs: Type.Integer(),
  dongs: Type.Integer({ description: 'Dongs where such programs meet in person' }),
  nearCopyPairs: Type.Integer({ description: 'Pairs of near-copied programs of different institutions within the city, both in this cell' }),
  wishes: Type.Integer({ description: 'Residents’ wishes for this area and group' }),
});
export type RoleMapCell = Static<typeof RoleMapCell>;

export const RoleMap = Type.Object({
  cityCode: Type.String(),
  /** Programs counted: published or closed, ending on or after this day (the last twelve months and what is ahead). */
  since: Type.String(),
  dongsTotal: Type.Integer(),
  institutionsTotal: Type.Integer(),
  /** Every area × group with a program or a wish (others are empty). */
  cells: Type.Array(RoleMapCell),
});
export type RoleMap = Static<typeof RoleMap>;

export const RoleMapCellQuery = Type.Object({
  ...PageQuery,
  area: Code(programAreas.codes),
  target: Code(targetGroups.codes),
}, { additionalProperties: false });
export type RoleMapCellQuery = Static<typeof RoleMapCellQuery>;

export const RoleMapCellDetail = Type.Object({
  area: Code(programAreas.codes),
  target: Code(targetGroups.codes),
  institutions: Type.Object({
    items: Type.Array(Type.Object({
      id: Type.Integer(), name: Type.String(), programs: Type.Integer(), nearCopies: Type.Integer({ description: 'Its programs here that nearly copy another institution’s here' }),
    })),
    total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer(),
  }),
  /** Every dong of the city: how many such programs meet there and how many residents there wish for one. */
  dongs: Type.Array(Type.Object({ code: Type.String(), nameKo: Type.String(), nameEn: Type.String(), programs: Type.Integer(), wishes: Type.Integer() })),
});
export type RoleMapCellDetail = Static<typeof RoleMapCellDetail>;
