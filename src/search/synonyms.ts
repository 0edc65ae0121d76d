/**
 * Everyday words children and parents type for what a place has or is ("滑滑梯", "喂奶",
 * "看病", "loo"), mapped to the kinds, categories and facilities of the place model.
 * Keys are in normalised form (simplified, lowercase). A city may extend this list.
 */
import type { CategoryId } from "../core/categories.ts";
import type { FacilityId } from "../core/facilities.ts";

export interface Intent {
  categories?: CategoryId[];
  kinds?: string[];
  facilities?: FacilityId[];
  /**
   * Kinds that serve the wish only in part (a water park for "游乐场"): below the kinds
   * and categories above, so a real playground ranks above a spa.
   */
  related?: string[];
  /** The category offered when nothing matches ("no baby room here; the nearest services"). */
  guess?: CategoryId;
}

const play: Intent = { guess: "play", categories: ["play"], kinds: ["playground", "play_equipment"], related: ["theme_park", "water_park"] };
const swim: Intent = { guess: "sport", kinds: ["swimming_pool"], related: ["water_park"] };
const health: Intent = { guess: "health", categories: ["health"] };
const baby: Intent = { guess: "services", kinds: ["baby_room"], facilities: ["nursing_room", "changing_table"] };
const toilet: Intent = { guess: "services", kinds: ["toilets"], facilities: ["toilets"] };
const shelter: Intent = { guess: "emergency", categories: ["emergency"] };
const books: Intent = { guess: "learning", kinds: ["library"] };
const museum: Intent = { guess: "learning", kinds: ["museum", "aquarium", "zoo"] };
const animals: Intent = { guess: "learning", kinds: ["zoo", "aquarium"] };
const park: Intent = { guess: "leisure", kinds: ["park", "garden"] };
const sport: Intent = { guess: "sport", categories: ["sport"] };
const care: Intent = { guess: "care", categories: ["care"] };
const school: Intent = { guess: "learning", kinds: ["school"] };

/** Chinese words: matched when the query contains them. */
export const CHINESE_INTENTS: ReadonlyArray<[string, Intent]> = [
  ["滑滑梯", play], ["滑梯", play], ["秋千", play], ["荡秋千", play], ["游乐场", play], ["游乐", play], ["乐园", play],
  ["蹦床", play], ["沙坑", play], ["玩耍", play], ["好玩", play], ["儿童乐园", play],
  ["游泳", swim], ["泳池", swim], ["戏水", swim], ["玩水", swim],
  ["看病", health], ["医院", health], ["儿科", health], ["生病", health], ["发烧", health], ["打针", health],
  ["疫苗", health], ["诊所", health], ["医生", health], ["妇幼", health],
  ["喂奶", baby], ["哺乳", baby], ["母乳", baby], ["换尿布", baby], ["尿布", baby], ["母婴", baby], ["冲奶", baby],
  ["厕所", toilet], ["洗手间", toilet], ["卫生间", toilet], ["如厕", toilet], ["尿尿", toilet],
  ["避难", shelter], ["应急", shelter], ["地震", shelter], ["逃生", shelter], ["避险", shelter], ["疏散", shelter],
  ["图书", books], ["看书", books], ["读书", books], ["绘本", books], ["借书", books],
  ["博物馆", museum], ["科技馆", museum], ["展览", museum], ["动物园", animals], ["水族馆", animals], ["看动物", animals],
  ["动物", animals], ["海洋馆", animals], ["看鱼", animals],
  ["公园", park], ["散步", park], ["绿地", park], ["花园", park],
  ["运动", sport], ["体育", sport], ["踢球", sport], ["足球", sport], ["篮球", sport], ["跑步", sport], ["球场", sport],
  ["幼儿园", care], ["托儿所", care], ["托育", care], ["早教", care], ["儿童之家", care],
  ["学校", school], ["小学", school], ["中学", school], ["上学", school],
];

/** English words: matched as whole query words or their first four or more letters. */
export const ENGLISH_INTENTS: ReadonlyArray<[string, Intent]> = [
  ["playground", play], ["slide", play], ["swing", play], ["play", play],
  ["swim", swim], ["swimming", swim], ["pool", swim],
  ["doctor", health], ["hospital", health], ["clinic", health], ["paediatrics", health], ["pediatrics", health],
  ["nursing", baby], ["breastfeeding", baby], ["changing", baby], ["diaper", baby], ["nappy", baby], ["baby", baby],
  ["toilet", toilet], ["toilets", toilet], ["loo", toilet], ["restroom", toilet], ["wc", toilet],
  ["shelter", shelter], ["emergency", shelter], ["evacuation", shelter],
  ["library", books], ["books", books], ["museum", museum], ["zoo", animals], ["aquarium", animals], ["animals", animals],
  ["park", park], ["garden", park], ["sport", sport], ["sports", sport], ["football", sport], ["soccer", sport],
  ["stadium", sport], ["kindergarten", care], ["nursery", care], ["childcare", care], ["school", school],
];

/** Words that ask for proximity rather than name a place ("附近", "near me"). */
export const NEARBY_WORDS = new Set(["附近", "周边", "旁边", "最近", "离我近", "near", "nearby", "closest", "me"]);

/** Every intent a query part expresses. */
export function intentsOf(part: string): Intent[] {
  const found: Intent[] = [];
  for (const [word, intent] of CHINESE_INTENTS) if (part.includes(word)) found.push(intent);
  for (const token of part.split(" ")) {
    for (const [word, intent] of ENGLISH_INTENTS) {
      if (token === word || (token.length >= 4 && word.startsWith(token))) found.push(intent);
    }
  }
  return found;
}
