/**
 * Both languages of the contract's own words: the messages the schemas give their checks
 * and the names of the fields a person fills in. A schema says `both("中文", "English")`
 * where zod wants a message (zod keeps the English); a check that writes its message at
 * parse time adds the Chinese as the issue's `params.zh` (`bothParams`). The HTTP edge
 * (platform/http/validate.ts) answers in the request's language from these.
 */

const CHINESE = new Map<string, string>();

/** A check's message in both languages: zod gets the English, the Chinese is kept for the answer. */
export function both(zh: string, en: string): string {
  CHINESE.set(en, zh);
  return en;
}

/** An issue written at parse time (`ctx.addIssue`) in both languages. */
export function bothParams(zh: string, en: string): { message: string; params: { zh: string } } {
  return { message: en, params: { zh } };
}

/** The Chinese of a message given with `both`, if it was. */
export function chineseOf(en: string): string | undefined {
  return CHINESE.get(en);
}

/**
 * What a person calls the fields of the forms and queries, by the last part of the field's
 * path. A field not listed is named by nothing but the answer's `field`.
 */
export const FIELD_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  login: { zh: "手机号或邮箱", en: "phone or e-mail" },
  password: { zh: "密码", en: "password" },
  nickname: { zh: "昵称", en: "nickname" },
  birthYear: { zh: "出生年份", en: "year of birth" },
  acceptAgreement: { zh: "用户协议", en: "user agreement" },
  code: { zh: "验证码", en: "code" },
  username: { zh: "用户名", en: "user name" },
  displayName: { zh: "显示名称", en: "display name" },
  role: { zh: "角色", en: "role" },
  unitId: { zh: "单位", en: "unit" },
  consent: { zh: "同意书", en: "consent" },
  decision: { zh: "决定", en: "decision" },
  policyVersion: { zh: "隐私规则版本", en: "privacy rules version" },
  body: { zh: "内容", en: "text" },
  rating: { zh: "评分", en: "rating" },
  helpful: { zh: "有用", en: "helpful" },
  detail: { zh: "说明", en: "details" },
  note: { zh: "备注", en: "note" },
  reason: { zh: "理由", en: "reason" },
  text: { zh: "文字", en: "text" },
  comment: { zh: "意见", en: "comment" },
  narrative: { zh: "进展说明", en: "narrative" },
  kind: { zh: "类型", en: "kind" },
  q: { zh: "搜索词", en: "search words" },
  lat: { zh: "纬度", en: "latitude" },
  lon: { zh: "经度", en: "longitude" },
  bbox: { zh: "地图范围", en: "map area" },
  limit: { zh: "数量", en: "how many" },
  category: { zh: "类别", en: "category" },
  facility: { zh: "设施", en: "facility" },
  age: { zh: "年龄", en: "age" },
  region: { zh: "地区", en: "region" },
  district: { zh: "区县", en: "district" },
  from: { zh: "起点", en: "start" },
  to: { zh: "终点", en: "destination" },
  minutes: { zh: "步行分钟数", en: "walking minutes" },
  site: { zh: "地点", en: "site" },
  value: { zh: "数值", en: "value" },
  period: { zh: "填报周期", en: "period" },
};
