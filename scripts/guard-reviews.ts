/**
 * Ordinary reviews for training the guard's classifier, made from parts (a place, who went,
 * what they did, what they thought, what they wish for), so the model sees the everyday
 * words of children's and parents' posts many times over and learns that they are harmless.
 * Deterministic: the same seed gives the same sentences.
 */
const PLACES = [
  "南湖公园", "图书馆", "少儿阅览室", "游泳馆", "科技馆", "博物馆", "动物园", "植物园", "儿童乐园", "体育中心", "青少年宫", "东洲岛",
  "湿地公园", "社区儿童之家", "妇幼保健院", "儿童医院", "滑冰场", "足球场", "篮球场", "书店", "亲子餐厅", "江边步道", "口袋公园", "游乐场",
  "母婴室", "公交站", "学校门口", "幼儿园", "少年宫", "美术馆", "天文馆", "农家乐", "森林公园", "水上乐园", "室内游乐场", "电影院",
];
const WHO = ["我", "我们一家", "弟弟", "妹妹", "爸爸带我", "妈妈和我", "我和同学", "奶奶带孙子", "我们班", "孩子", "宝宝", "全家人", "我和好朋友", "外公外婆带我们"];
const WHEN = ["周末", "今天", "昨天下午", "放暑假的时候", "国庆节", "六一儿童节", "早上", "傍晚", "下雨天", "放学后", "春节期间", "上个星期"];
const DID = [
  "去玩了滑梯", "看了恐龙化石", "借了几本绘本", "学了游泳", "放了风筝", "喂了小鱼", "骑了自行车", "参加了手工课", "看了一场儿童剧", "踢了足球",
  "打了羽毛球", "画了一幅画", "参观了展览", "坐了小火车", "玩了沙子", "看了天文表演", "做了科学实验", "听了故事会", "拍了很多照片", "野餐",
  "打疫苗", "排队买票", "认识了新朋友", "爬了山", "看了熊猫", "摘了草莓", "学了做饼干", "玩了蹦床", "划了船", "练了书法",
];
const THOUGHT = [
  "很好玩", "特别开心", "人有点多", "有点累但很值得", "环境很干净", "工作人员很热情", "价格有点贵", "设施有点旧了", "非常安全", "排队太久了",
  "适合小朋友", "空气很好", "厕所很干净", "停车不方便", "孩子玩得不想走", "下次还要来", "有点晒", "讲解员讲得很好", "座位不够", "东西很好吃",
];
const WISH = [
  "希望多装几个饮水机", "建议增加遮阳棚", "希望厕所多打扫", "建议多放几张长椅", "希望周一也开放", "建议门口加个红绿灯", "希望能增加儿童洗手台",
  "建议晚上多开几盏灯", "希望滑梯旁边铺软垫", "希望多种点树", "建议设置母婴室", "希望网上可以预约", "建议增加无障碍坡道", "希望有更多亲子活动",
];

const EN_PLACES = ["the park", "the library", "the museum", "the pool", "the science center", "the zoo", "the playground", "the children's hospital", "the sports center", "the riverside walk", "the bookshop", "the cinema"];
const EN_THOUGHT = ["was great", "was a bit crowded", "is very clean", "has friendly staff", "is too expensive", "needs more shade", "is safe for small kids", "was fun for the whole family", "has a nice baby room", "is hard to reach by bus"];
const EN_WHO = ["My daughter", "My son", "We", "Our class", "The kids", "My little brother", "Grandma and I", "My friends and I"];
const EN_DID = ["loved the slides", "read picture books", "learned to swim", "saw the dinosaurs", "played football", "fed the ducks", "rode bikes", "watched a puppet show"];

/** `count` ordinary English reviews, the same ones for the same seed. */
export function englishReviews(count: number, random: () => number): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, () => (random() < 0.5 ? `${pick(EN_WHO)} ${pick(EN_DID)} at ${pick(EN_PLACES)}. It ${pick(EN_THOUGHT)}.` : `${pick(EN_PLACES).replace(/^t/, "T")} ${pick(EN_THOUGHT)}, and ${pick(EN_WHO).toLowerCase()} ${pick(EN_DID)}.`));
}

/** `count` ordinary reviews, the same ones for the same seed. */
export function ordinaryReviews(count: number, random: () => number): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const shape = Math.floor(random() * 4);
    if (shape === 0) out.push(`${pick(WHEN)}${pick(WHO)}去${pick(PLACES)}${pick(DID)}，${pick(THOUGHT)}`);
    else if (shape === 1) out.push(`${pick(PLACES)}${pick(THOUGHT)}，${pick(WISH)}`);
    else if (shape === 2) out.push(`${pick(WHO)}${pick(WHEN)}在${pick(PLACES)}${pick(DID)}，${pick(THOUGHT)}，${pick(WISH)}`);
    else out.push(`${pick(PLACES)}：${pick(THOUGHT)}。${pick(WHO)}${pick(DID)}，${pick(THOUGHT)}`);
  }
  return out;
}

const NUMBERS = ["1", "2", "5", "8", "12", "15", "20", "30", "45", "60", "98", "120", "三", "五", "十", "二十"];
const FACT_SHAPES: ReadonlyArray<(place: string, n: () => string) => string> = [
  (p, n) => `${p}开放时间${n()}:00-${n()}:30，周一闭馆`,
  (p, n) => `${p}门票${n()}元，身高1.${n()}米以下的小朋友免费`,
  (p, n) => `坐${n()}路公交到${p}，大概${n()}分钟`,
  (p, n) => `去年我${n()}岁，今年又来${p}了`,
  (p, n) => `${p}的停车费每小时${n()}元，周末人多`,
  (p, n) => `在${p}旁边的小摊卖掉了旧玩具，赚了${n()}块`,
  (p, n) => `${p}适合${n()}到${n()}岁的孩子，我们玩了${n()}个小时`,
  (p) => `${p}不让小朋友单独进，要大人陪着，我觉得规定很好`,
  (p, n) => `付钱的时候妈妈在旁边，${p}的票${n()}块一张`,
  (p, n) => `我家离${p}很近，走路${n()}分钟就到了`,
];
const EN_FACTS: ReadonlyArray<(place: string, n: () => string) => string> = [
  (p, n) => `Bus ${n()} goes to ${p}, tickets are ${n()} yuan.`,
  (p, n) => `${p} opens at ${n()} and closes at ${n()}, kids under 1.${n()} m go free.`,
  (p) => `${p} is really old and beautiful, we learned a lot.`,
  (p, n) => `We spent ${n()} hours at ${p} and my sister was ${n()} years old then.`,
  (p, n) => `The line at ${p} took ${n()} minutes but the staff were kind.`,
];

/**
 * `count` plain statements of fact of the kind reviews are full of: opening hours, prices,
 * bus numbers, ages, heights, rules a place keeps (Chinese, and one in ten in English).
 */
export function factSentences(count: number, random: () => number): string[] {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const n = () => pick(NUMBERS).replace(/[三五十二]+/, (m) => (random() < 0.5 ? m : String("一二三四五六七八九十".indexOf(m[0]!) + 1)));
  return Array.from({ length: count }, (_, i) => (i % 10 === 9 ? pick(EN_FACTS)(pick(EN_PLACES).replace(/^t/, "T"), n) : pick(FACT_SHAPES)(pick(PLACES), n)));
}
