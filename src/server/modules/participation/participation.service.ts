/** Use cases of participation: residents say what they want to learn, see and withdraw what they said. */
import type { LearningWishBody } from '../../../shared/contracts/participation.ts';
import { programAreas } from '../../../shared/vocabulary/index.ts';
import type { AppDb } from '../../platform/database/database.ts';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { geography } from '../geography/index.ts';
import * as queries from './participation.queries.ts';

export async function addWish(db: AppDb, personId: number, body: LearningWishBody) {
  const home = await queries.homeOf(db, personId);
  const cityCode = body.cityCode ?? home?.cityCode;
  if (!cityCode) throw badRequest({ ko: '배우고 싶은 시·군·구를 골라 주세요(사는 곳이 등록되어 있지 않습니다).', en: 'Say which city you would like to learn in (you have no home city on record).' }, 'cityCode');
  if (!(await geography.findMunicipality(db, cityCode))) throw notFound('The city', 'cityCode');
  const dongCode = body.dongCode !== undefined ? body.dongCode : body.cityCode && body.cityCode !== home?.cityCode ? null : home?.dongCode ?? null;
  if (dongCode) {
    const dong = await geography.findDong(db, dongCode);
    if (!dong || dong.municipalityCode !== cityCode) throw badRequest({ ko: '고른 시·군·구의 읍·면·동이 아닙니다.', en: 'That dong is not in the city you chose.' }, 'dongCode');
  }
  const subcategory = body.subcategory ?? null;
  if (subcategory && !programAreas.get(body.area).subcategories.some((s) => s.code === subcategory)) {
    throw badRequest({ ko: '고른 분야에 속하지 않는 세부 분야입니다.', en: `${subcategory} is not part of ${body.area}.` }, 'subcategory');
  }
  return queries.insertWish(db, {
    personId, cityCode, dongCode, area: body.area, subcategory, targetGroup: body.targetGroup ?? 'all', note: body.note?.trim() ?? '',
  });
}

export async function withdrawWish(db: AppDb, personId: number, id: number) {
  if (!(await queries.deleteWish(db, personId, id))) throw notFound('The wish', 'id');
}

export const myWishes = queries.wishesOf;
