/**
 * Where a child can be found, by the structure of what is written rather than by a list:
 *  - Chinese addresses by a grammar of administrative and building parts (省 市 区/县 乡/镇/
 *    街道 村/社区 组 路/街/巷 号 栋/幢/楼 单元 室): a home number (building, unit, room, a
 *    house number on a street, a village group), a village or estate after "I live in", or a
 *    chain of administrative parts down to a village;
 *  - English street addresses (number + name + street/road/avenue…, building/unit/room);
 *  - school and class: a grade with a class (三年二班, 初二11班, 五(3)班), or a class where a
 *    school is named (八中 502班), kindergarten classes, "Grade 5, Class 3";
 *  - a full name (a common surname and one or two characters) next to a school, a class or an
 *    address.
 * Chinese rules read the canonical text (spaces and symbols gone: "我 在 实 验 小 学 五 年 级
 * 三 班" is one phrase); English rules read the original folded to lower case.
 */
import type { Reading } from "./normalise.ts";

export type PlaceKind = "address" | "school_class" | "real_name_with_school";

export interface PlaceHit {
  kind: PlaceKind;
  start: number;
  end: number;
  /** In canonical symbols (`canonical`) or original offsets (`original`). */
  on: "canonical" | "original";
  why: string;
}

/** A numeral: digits, Chinese numerals and their financial capitals (贰拾捌号). */
const N = "[0-9一二三四五六七八九十百零〇两幺壹贰叁肆伍陆柒捌玖拾佰]";
const ADMIN = "(?:省|自治区|市|(?<![社小城园])区|县|乡|镇|街道)";
const HOME_CUE = "(?:我们?家就?住在|我们?家住|家住在|家住|我就?住在|我住|住在|我们?家就?在|我家是|家在|地址是|地址|家庭住址|门牌是?|来我家|到我家)";
/** A public place named as the subject of an address. */
const VENUE_ADDRESS = /(?:公园|博物馆|科技馆|图书馆|游泳馆|体育馆|美术馆|纪念馆|展览馆|少年宫|医院|广场|商场|书店|景区|中心|超市|餐厅|门店|店|乐园|动物园|植物园|车站|书院|剧院|影院)(?:的)?(?:地址|位于|在|坐落|就在)/u;
const HOME_CUE_TEXT = /我家|我们家|家住|住在|我住|家在|来我家|到我家|家庭住址/u;
/** Somewhere in the text a home is meant (a building alone, "3号楼", is a public place otherwise). */
const HOME_TEXT = /家|住|地址|门牌|来找我|找我玩/u;
/** A building or floor that is a public room, not a home. */
const PUBLIC_ROOM = "(?!教室|会议室|展厅|活动室|阅览室|诊室|病房|办公室|电影厅|影厅|厅|馆)";
const ESTATE = "(?:村|社区|小区|花园|家园|苑|公寓|大院|新村|山庄|新城|名苑|府)";

const CHINESE_ADDRESS: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`(?:第)?(?:${N}+|[a-z])(?:栋|幢|号楼|座|号院)(?:(?:第)?${N}+(?:单元|楼|层|室|号|户))+(?:${N}{3,4}(?!${N}|[年月日岁米元分点]))?|(?:第)?(?:${N}+|[a-z])(?:栋|幢|号楼|座)${N}{3,4}(?!${N}|[年月日岁米元分点])`, "gu"), "building, unit or room"],
  [new RegExp(`(?:第)?${N}+单元${N}+(?:楼|层|室|号|户)?`, "gu"), "unit and room"],
  [new RegExp(`(?:路|街|巷|大道|大街|胡同|弄|里)(?:${N}+(?:号院|号(?!线|门|出口|口|馆|厅|站|窗口|楼梯|展厅|通道)|弄))(?:${N}+(?:栋|幢|楼|层|室|单元|号))*`, "gu"), "house number on a street"],
  [new RegExp(`(?:村|屯|寨)(?:${N}+组)(?:${N}+号)?|${N}+组${N}+号`, "gu"), "village group and house"],
  [new RegExp(`${N}+室(?!友|内|外)`, "gu"), "room number"],
  [new RegExp(`(?:大厦|公寓|大楼|写字楼|宿舍楼?)${N}{3,4}(?:室|号|房)?`, "gu"), "room in a named building"],
  [new RegExp(`${ESTATE}${N}{1,3}${N}{1,2}${N}{3,4}(?!${N}|[年月日岁米元分点])`, "gu"), "estate with building, unit and room"],
  // "我住的小区" names nothing; "我家就在雁峰公园旁边那个小区" does.
  [new RegExp(`${HOME_CUE}(?![的那这]|附近|旁边|周边)\\p{Script=Han}{0,10}?${ESTATE}`, "gu"), "home in a named village or estate"],
  // The home's estate named after a few words: "我们家的小区……叫东风花园".
  [new RegExp(`(?:我们?家|我住)的?(?:小区|村|社区)[^。]{0,16}?(?:叫|名字叫|名字是)\\p{Script=Han}{2,8}?${ESTATE}`, "gu"), "home's estate by name"],
  [new RegExp(`(?:^|${HOME_CUE}|在|是|到)(?![各每全本该])(?:\\p{Script=Han}{1,6}?${ADMIN}){2,}\\p{Script=Han}{1,6}?(?:村|社区|组)`, "gu"), "administrative chain down to a village"],
];

/** Only where a home is meant: a building alone, a floor and a room, a room number alone. */
const HOME_ADDRESS: ReadonlyArray<readonly [RegExp, string]> = [
  [new RegExp(`(?:第)?(?:${N}+|[a-z])(?:栋|幢|号楼|座)${PUBLIC_ROOM}`, "gu"), "building of a home"],
  // A unit alone is a lesson's too ("第3单元的数学题").
  [new RegExp(`(?:第)?${N}+单元(?!测|考|练|复习|作业|的?(?:课|题|内容|知识))`, "gu"), "unit of a home"],
  [new RegExp(`${N}{1,2}(?:楼|层)(?:的)?${N}{3,4}(?:室|号|房|户)?${PUBLIC_ROOM}(?![${N.slice(1, -1)}年月日岁米元分点])`, "gu"), "floor and room of a home"],
];

const ENGLISH_ADDRESS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![\d-])\d{1,3}\s*-\s*\d{1,2}\s*-\s*\d{3,4}(?![\d-])/gu, "building-unit-room"],
  [/\b\d{1,5}[a-z]?\s*,?\s+(?:[a-z]+\.?\s+){0,3}(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|close|crescent|highway|hwy)\b\.?/giu, "English street address"],
  [/\bno\.?\s*\d+\s*,?\s*(?:[a-z]+\s+){1,3}(?:street|st|road|rd|avenue|ave|lane|ln)\b/giu, "English street address"],
  [/\b(?:building|bldg|block|tower)\s*\w+\s*,?\s*(?:unit|room|apt|flat|floor)\s*\d+/giu, "building and unit"],
  [/\b(?:apt|apartment|flat|room|unit)\s*#?\s*\d{2,4}\b\s*,?\s*(?:\d{1,5}\s+)?[a-z]+\s+(?:street|st|road|rd|avenue|ave)\b/giu, "flat and street"],
  [/\bi live (?:at|on|in)\s+(?:no\.?\s*)?\d+/giu, "I live at a number"],
  // An address in pinyin: "wo jia zhu zai lian he jie dao 18 hao", "3 dong 2 dan yuan".
  [/\b(?:zhu\s*zai|jia\s*zai|jia\s*zhu|di\s*zhi)\b[a-z\s]{2,50}?\b(?:lu|jie|dao|xiang|cun|zu|qu|zhen|xiao\s*qu)\s*\d+\s*(?:hao|dong|zu|lou)\b/giu, "address in pinyin"],
  [/\b\d+\s*(?:dong|zhuang)\s*\d+\s*dan\s*yuan\b/giu, "building and unit in pinyin"],
  [/\b(?:room|unit|apt|flat)\s*\d{2,4}\s*,?\s*(?:building|bldg|block|tower)\s*\w+/giu, "room and building"],
  // Two parts of a home in any order with something between: "Room 302, Unit 1, Building 4".
  [/\b(room|unit|building|bldg|block|floor|apt|flat|tower)\s*#?\s*\d+[a-z]?\b[^.\n]{0,14}?\b(?!\1\b)(?:room|unit|building|bldg|block|floor|apt|flat|tower)\s*#?\s*\d+/giu, "parts of a home"],
];

const SCHOOL = /小学|中学|初中|高中|学校|附小|附中|实验|学院|幼儿园|[一二三四五六七八九十\d]+中(?!心|间|国|午|文)|school|[\p{Script=Han}]小(?=[初高一二三四五六七八九\d]|读|上学)/u;

/** A school with a name ("先锋小学", "八中"), not the word alone ("学校组织我们去……"). */
const NAMED_SCHOOL = /(?:[a-z0-9]{2}|[^\P{Script=Han}我你他她们去在到上的了是这那个所全各每回和跟与]{2})(?:小学|中学|附小|附中|学校|幼儿园|实验)|[一二三四五六七八九十\d]+中(?!心|间|国|午|文)|school|[\p{Script=Han}]小(?=[初高一二三四五六七八九\d]|读|上学)/u;

const SCHOOL_CLASS: ReadonlyArray<readonly [RegExp, string, boolean]> = [
  // Grade with class, anywhere: 五年级三班, 三年二班, 初二11班, 高一8班, 四年级(1)班.
  [new RegExp(`(?:${N}{1,2}年级|${N}年|[初高][一二三123]|(?:七|八|九)年级)(?:第)?${N}{1,3}班`, "gu"), "grade and class", false],
  // Compressed (502班, 三2班) or bare class, only where a school is named.
  [new RegExp(`(?<![分钟每车趟个第点时])(?:${N}{1,3})班(?![车次会长主任级干委])`, "gu"), "class at a named school", true],
  [new RegExp(`[大中小]${N}?班(?![车次会长])`, "gu"), "kindergarten class", true],
];

/** Digits as pinyin too ("wu年级3ban"): the grade and class rules also read this. */
const PY_N = `(?:${N}|yi|er|san|si|wu|liu|qi|ba|jiu|shi)`;
const SCHOOL_WORD = "(?:小学|中学|初中|高中|学校|附小|附中|实验|幼儿园|[一二三四五六七八九十\\d]{1,2}中(?!心|间|国|午|文|学))";
const GRADE = `(?:${N}{1,2}年级|[初高][一二三123]|[七八九]年级)`;

/** A student number where a school is named: "学号20230512，在实验小学". */
const STUDENT_NUMBER = /学号(?:是)?\d{4,12}/gu;

const MORE_SCHOOL_CLASS: ReadonlyArray<readonly [RegExp, string, boolean]> = [
  // Pinyin numerals, 年级/班 written as sound: "wu年级3ban", "si nianji er ban".
  [new RegExp(`${PY_N}(?:年级|nianji)${PY_N}{1,2}(?:班|ban)(?![a-z])`, "gu"), "grade and class in pinyin", false],
  // "我们班是五3", "班级：五(3)": a class named where a school is.
  [new RegExp(`(?:我们?班|班级)(?:是|为)?[初高]?${N}{1,2}${N}{1,2}(?!${N}|[个人名位岁元米])`, "gu"), "class at a named school", true],
  // A child at a school in a grade: "我在华新实验四年级", "孩子读八中初一".
  [new RegExp(`(?:我|孩子|女儿|儿子|闺女|宝宝|弟弟|妹妹)(?:在|是|读|上)\\p{Script=Han}{0,8}?${SCHOOL_WORD}(?:的|读|上|念)?${GRADE}`, "gu"), "a child's school and grade", false],
];

/** A grade with the class in brackets and no 班, where a school is named: "成章中学 七(10)". */
const BRACKETED_GRADE = /(?:[一二三四五六七八九1-9]|初[一二三]|高[一二三])\s*[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）]/gu;

/** Grade with the class in brackets, "三(2)班", "5（3）班", "初二(8)": a class however little else is said. */
const BRACKETED_CLASS = /[一二三四五六七八九1-9]\s*[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）]\s*班|[初高][一二三]\s*[(（]\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*[)）](?!\s*班)/gu;

/** An English address that is a public place's ("The museum is on 25 Jiefang Road"), where nothing says home. */
const PUBLIC_PLACE_EN = /\b(?:museum|park|library|zoo|station|shop|store|restaurant|cafe|mall|cent(?:re|er)|hospital|gallery|theat(?:re|er)|gym|pool|stadium|venue|entrance)\b/u;
const HOME_EN = /\b(?:i live|we live|my (?:home|house|flat|apartment|address)|our (?:home|house|flat)|come (?:to|over)|visit me|my place)\b|家|住/u;

/** "class 4-2", "class 5(3)" where a school is named. */
const ENGLISH_CLASS_SHORT = /\bclass\s*\d\s*(?:-\s*\d{1,2}|\(\s*\d{1,2}\s*\))/giu;
const ENGLISH_CLASS = /\bclass\s*\d+\s*,?\s*(?:of\s+)?grade\s*\d+|\bgrade\s*\d+\s*,?\s*class\s*\d+|\b(?:year|grade)\s*\d+\s*class\s*\d+/giu;

/** The hundred or so commonest surnames, enough to tell a full name from a phrase. */
const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷黎史龙陶贺顾毛郝龚邵万覃武钱戴严莫孔向汤欧阳";
const COMPOUND_SURNAMES = "(?:欧阳|司马|诸葛|上官|慕容|东方|皇甫|令狐|公孙|夏侯|尉迟|长孙|宇文|司徒|端木|南宫)";
const COMPOUND_START = new RegExp(`^${COMPOUND_SURNAMES}`, "u");
const FULL_NAME = `(?:${COMPOUND_SURNAMES}\\p{Script=Han}{1,2}|[${SURNAMES}][\\p{Script=Han}]{1,2})`;
const NAME_PATTERNS: readonly RegExp[] = [
  new RegExp(`(?:我叫|我的名字是|我名字叫|名字叫|本人|我是|本名(?:是|叫)?|真名(?:是|叫)?|大名(?:是|叫)?|全名(?:是|叫)?|真实姓名(?:是)?|realname(?:is)?)(${FULL_NAME})`, "gu"),
  new RegExp(`(?:小学|中学|学校|附小|附中|幼儿园|班|${N}{1,3}中)的(?:学生|同学|小朋友|孩子)?(${FULL_NAME})(?:就是我|是我|同学|小朋友)?`, "gu"),
  // A name owned as the writer's own where a school is named: "先锋小学 王梓涵 是我", "欧阳子墨是我，八中的".

  new RegExp(`(${FULL_NAME})(?:和|跟|同)我(?:都)?在`, "gu"),
  new RegExp(`(?:同桌|同学|弟弟|妹妹|哥哥|姐姐|儿子|女儿|孩子|闺女)(?:姓\\p{Script=Han})?(?:叫|是|名叫)(${FULL_NAME})`, "gu"),
  new RegExp(`(?:同桌|弟弟|妹妹|儿子|女儿|孩子|闺女|宝宝|外孙|孙子|孙女)(${FULL_NAME})(?:在|是|读|上|和)`, "gu"),
  new RegExp(`(${FULL_NAME})(?:是|在)(?:我们)?(?:${N}{1,2}年级|${N}{1,3}班|[\\p{Script=Han}]{1,6}(?:小学|中学|学校|附小|幼儿园))`, "gu"),
];
/** A name owned as the writer's own where a school is named: "先锋小学 王梓涵 是我", "欧阳子墨是我，八中的". */
const OWN_NAME = new RegExp(`(${FULL_NAME})(?:就)?是我(?![们的家])`, "gu");
/** A surname with a title is a teacher or a neighbour, not a child's full name ("王老师", "李阿姨"). */
const TITLE = /^.(?:老|阿)|[师姨叔爷奶妈爸]$/u;
const ENGLISH_NAME = /\b(?:my name is|my name's|i am|i'm)\s+[a-z]+\s+[a-z]+(?=\s*(?:,|and|from|at|in|\.|$))/gu;
const NOT_A_NAME = /^(?:我|你|他|她|大家|同学|老师|学生|妈妈|爸爸|一个|这个|那个|小朋友|高兴|马上|周末|方便|江边|高中|石鼓|林子)/u;

/** Whose class it is: the writer, their child, a named classmate. */
const WHOSE_CLASS = new RegExp(`我|孩子|女儿|儿子|宝宝|闺女|外孙|孙子|孙女|同桌|班的[${SURNAMES}]`, "u");
/** A name beside where someone lives counts as much as beside a school ("同桌叫陈一诺，他家住我家楼下"). */
const HOME_NAME_CUE = /住|家在|地址|小区|村/u;

/** Words that start with a surname and are not names, nor end as a name would. */
const NOT_A_NAME_START = /^(?:周[一二三四五六日末]|夏天|白天|万一|许多|任何|何时|方便|向前|龙舟|金色|黄昏|曾经|汤圆|钱包|毛巾|雷雨|黎明|叶子|田野|范围|孔明|常常|马路|江南|高新|石鼓|陆续|程序|史上|谢谢|潘多|蒋家|韦小|武汉|秦汉|孟夏)/u;
const NOT_A_NAME_END = /[时天后前里上下边区市县路街镇村乡省湖山江河园馆店场院楼门站桥口岛们中学校班级年月日]$/u;
const SCHOOL_AHEAD = new RegExp(`^\\p{Script=Han}{0,10}?${SCHOOL_WORD}`, "u");
/** A school just before a name standing alone, or a grade just after it: "衡阳市一中 陈一诺 高二". */
const SCHOOL_BEHIND = new RegExp(`${SCHOOL_WORD}\\p{Script=Han}{0,3}$`, "u");
const GRADE_AHEAD = new RegExp(`^(?:${GRADE}|${N}{1,2}年级|[初高][一二三])`, "u");

/**
 * A full name standing alone, at the start or between separators ("陈子轩，东风路小学",
 * "王梓涵（雁峰区先锋小学）", "刘 思 琪 蒸湘区逸夫小学"), with a school named just after it.
 */
function namesBeforeSchool(reading: Reading): Array<[number, number]> {
  const { text, gap } = reading;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length - 2; i++) {
    if ((i > 0 && !gap[i]) || !SURNAMES.includes(text[i]!)) continue;
    for (const length of COMPOUND_START.test(text.slice(i, i + 2)) ? [4, 3] : [3, 2]) {
      const end = i + length;
      const name = text.slice(i, end);
      if (!/^\p{Script=Han}+$/u.test(name) || !(gap[end] || text[end] === "在" || text[end] === "是")) continue;
      if (NOT_A_NAME.test(name) || TITLE.test(name) || NOT_A_NAME_START.test(name) || NOT_A_NAME_END.test(name)) continue;
      const ahead = text.slice(text[end] === "在" || text[end] === "是" ? end + 1 : end, end + 16);
      const schoolBehind = gap[end] && SCHOOL_BEHIND.test(text.slice(Math.max(0, i - 16), i)) && GRADE_AHEAD.test(ahead);
      if (!SCHOOL_AHEAD.test(ahead) && !schoolBehind) continue;
      out.push([i, end]);
      break;
    }
  }
  return out;
}

/** A word each of these patterns cannot match without: tested first, it spares most texts the pattern. */
const NEEDS = new Map<RegExp, RegExp>([
  [CHINESE_ADDRESS[0]![0], /栋|幢|号楼|座|号院/u], [CHINESE_ADDRESS[1]![0], /单元/u], [CHINESE_ADDRESS[2]![0], /号|弄/u], [CHINESE_ADDRESS[3]![0], /组/u],
  [CHINESE_ADDRESS[4]![0], /室/u], [CHINESE_ADDRESS[5]![0], /大厦|公寓|大楼|写字楼|宿舍/u],
  [HOME_ADDRESS[0]![0], /栋|幢|号楼|座/u], [HOME_ADDRESS[1]![0], /单元/u], [HOME_ADDRESS[2]![0], /楼|层/u],
  [SCHOOL_CLASS[0]![0], /班/u], [SCHOOL_CLASS[1]![0], /班/u], [SCHOOL_CLASS[2]![0], /班/u], [MORE_SCHOOL_CLASS[0]![0], /年级|nianji/u], [OWN_NAME, /是我/u],
  [STUDENT_NUMBER, /学号/u],
]);

function all(text: string, pattern: RegExp): RegExpMatchArray[] {
  const need = NEEDS.get(pattern);
  if (need && !need.test(text)) return [];
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)];
}

/** Addresses, school classes and named children in one reading. `lower` is the original in lower case. */
export function findPlaces(reading: Reading, lower: string): PlaceHit[] {
  const text = reading.text;
  const hits: PlaceHit[] = [];
  // A venue's own address ("雁峰公园地址：先锋路1号") is public where nothing says home.
  const venue = VENUE_ADDRESS.test(text) && !HOME_CUE_TEXT.test(text);
  for (const [pattern, why] of CHINESE_ADDRESS) {
    if (venue && why === "house number on a street") continue;
    for (const m of all(text, pattern)) hits.push({ kind: "address", start: m.index!, end: m.index! + m[0].length, on: "canonical", why });
  }
  if (HOME_TEXT.test(text)) {
    for (const [pattern, why] of HOME_ADDRESS) {
      for (const m of all(text, pattern)) hits.push({ kind: "address", start: m.index!, end: m.index! + m[0].length, on: "canonical", why });
    }
  }
  const publicPlace = PUBLIC_PLACE_EN.test(lower) && !HOME_EN.test(lower);
  for (const [pattern, why] of publicPlace ? [] : ENGLISH_ADDRESS) {
    for (const m of all(lower, pattern)) hits.push({ kind: "address", start: m.index!, end: m.index! + m[0].length, on: "original", why });
  }
  const school = SCHOOL.test(text);
  const namedSchool = school && NAMED_SCHOOL.test(text);
  // A grade and class with neither a school nor a child it belongs to is a class's news ("三年级二班的节目是合唱").
  const someone = school || WHOSE_CLASS.test(text);
  for (const [pattern, why, needsSchool] of SCHOOL_CLASS) {
    if (needsSchool ? !namedSchool : !someone) continue;
    for (const m of all(text, pattern)) hits.push({ kind: "school_class", start: m.index!, end: m.index! + m[0].length, on: "canonical", why });
  }
  for (const [pattern, why, needsSchool] of MORE_SCHOOL_CLASS) {
    if (needsSchool ? !school : !someone) continue;
    for (const m of all(text, pattern)) hits.push({ kind: "school_class", start: m.index!, end: m.index! + m[0].length, on: "canonical", why });
  }
  if (school) for (const m of all(text, STUDENT_NUMBER)) hits.push({ kind: "school_class", start: m.index!, end: m.index! + m[0].length, on: "canonical", why: "student number at a named school" });
  if (school) for (const m of all(lower, BRACKETED_GRADE)) hits.push({ kind: "school_class", start: m.index!, end: m.index! + m[0].length, on: "original", why: "grade and class in brackets at a named school" });
  for (const m of all(lower, BRACKETED_CLASS)) hits.push({ kind: "school_class", start: m.index!, end: m.index! + m[0].length, on: "original", why: "grade and class" });
  if (/school|primary|middle/.test(lower)) for (const m of all(lower, ENGLISH_CLASS_SHORT)) hits.push({ kind: "school_class", start: m.index!, end: m.index! + m[0].length, on: "original", why: "class at a named school" });
  for (const m of all(lower, ENGLISH_CLASS)) hits.push({ kind: "school_class", start: m.index!, end: m.index! + m[0].length, on: "original", why: "grade and class" });
  // A full name only matters beside a school, a class or an address.
  if (school || hits.length > 0 || HOME_NAME_CUE.test(text) || /school|class|grade|live at/.test(lower)) {
    for (const pattern of NAME_PATTERNS) {
      for (const m of all(text, pattern)) {
        const name = m[1]!;
        if (NOT_A_NAME.test(name) || TITLE.test(name)) continue;
        const start = m.index! + m[0].indexOf(name);
        hits.push({ kind: "real_name_with_school", start, end: start + name.length, on: "canonical", why: "full name beside a school or address" });
      }
    }
    if (school) {
      for (const m of all(text, OWN_NAME)) {
        const name = m[1]!;
        if (NOT_A_NAME.test(name) || TITLE.test(name) || NOT_A_NAME_START.test(name) || NOT_A_NAME_END.test(name)) continue;
        hits.push({ kind: "real_name_with_school", start: m.index!, end: m.index! + name.length, on: "canonical", why: "full name owned as the writer's, beside a school" });
      }
    }
    for (const [start, end] of namesBeforeSchool(reading)) hits.push({ kind: "real_name_with_school", start, end, on: "canonical", why: "full name standing beside a school" });
    for (const m of all(lower, ENGLISH_NAME)) hits.push({ kind: "real_name_with_school", start: m.index!, end: m.index! + m[0].length, on: "original", why: "full name beside a school" });
  }
  return hits;
}
