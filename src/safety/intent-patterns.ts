/**
 * Harm that no word list holds, because the words are ordinary: bullying a named child,
 * organised exclusion and humiliation, threats, exposing a child (人肉, 开盒), grooming in
 * polite words, scams aimed at children, self-harm and despair, drugs, alcohol and smoking
 * offered to children, and invitations to unsafe places and secret meetings. Each pattern
 * reads the guard's canonical reading (normalise.ts: symbols dropped, traditional →
 * simplified, look-alikes read), so "王小明 是个 猪头" and "王小明是个豬頭" read alike, and
 * points at the original words. A pattern may need a second condition somewhere in the text
 * (secrecy alone is innocent; with gifts it is not) and may be cancelled by a warning
 * ("不要去水库" is advice, "去水库游泳吧" an invitation).
 * Threats, exposure and drug sales block; the rest hold, so a moderator sees the text and
 * its author (grooming is held, not refused, precisely so that a person looks at the account).
 */
import { type Reading, originalSpan, readText } from "./normalise.ts";
import type { WordHit } from "./word-filter.ts";

interface IntentPattern {
  category: WordHit["category"];
  action: "block" | "hold";
  pattern: RegExp;
  /** A second condition anywhere in the text. */
  requires?: RegExp;
  /** Advice and warnings: the match is cancelled when this stands just before it. */
  unless?: RegExp;
  name: string;
}

const INSULT_NOUN = "(?:大)?(?:傻子|猪头|笨蛋|蠢货|蠢猪|废物|丑八怪|死胖子|白痴|弱智|傻狗|肥猪|垃圾|拖油瓶|土包子|软柿子|爱哭鬼|矮冬瓜|四眼|哑巴|小偷|神经)";
const HAN = "\\p{Script=Han}";
const WARNING = /(?:不要|别|不能|不许|不准|禁止|不去|不可以|小心|远离|提醒|防止|防范|拒绝|警惕|注意)[^，。！？]{0,6}$/u;
const ADULT = "(?:叔叔|哥哥|姐姐|阿姨|干爹|大哥哥|我)";
const PARENTS = "(?:爸|妈|家长|家里|老师|大人|别人|任何人|家人)";

const PATTERNS: readonly IntentPattern[] = [
  { name: "insult aimed at someone", category: "bullying", action: "hold", pattern: new RegExp(`(?:你|他|她)(?:这个|就是个|是个|真是个|个|就是)${INSULT_NOUN}`, "u") },
  { name: "named child called names", category: "bullying", action: "hold", pattern: new RegExp(`(?:(?!我|自己)${HAN}){2,3}(?:是个|就是个|真是个|就是)${INSULT_NOUN}`, "u") },
  { name: "mocking looks or family", category: "bullying", action: "hold", pattern: /(?:你|他|她)(?:长得)?(?:真|太|好|这么)?丑(?:死了|得要命|还)|又(?:胖|丑|黑|矮|笨)又(?:胖|丑|黑|矮|笨)|长得(?:像|跟)(?:头|只)?(?:猪|狗)|(?:臭死了|身上有味道)|浪费粮食|(?:家|你家)穷得/u },
  { name: "organised exclusion", category: "bullying", action: "hold", pattern: /(?:大家|全班|所有人|我们)都?(?:别|不要|不许|不准)(?:理|跟|和|靠近)(?:他|她|你)?|谁(?:都|也)?不(?:许|准|想|要|愿意)(?:跟|和|理|借)|谁(?:跟|和|理|帮|碰)(?:他|她)[^，。]{0,4}谁(?:就是|倒霉)|(?:全班|大家|所有人)都讨厌|(?:踢出|赶出|拉黑)(?:群|我们|这个群|小组|组)|别让[^，。]{1,8}(?:进|来)|孤立/u },
  { name: "humiliation", category: "bullying", action: "hold", pattern: /(?:起|取)(?:了)?(?:个)?外号|笑死他|学他说话|扔进厕所|堵在|(?:把|让)(?:零花钱|钱)交出来|跪下道歉|P成|把[^，。]{1,6}的?(?:鞋|书包|作业本|饭盒)(?:藏|扔|撕|打翻)|(?:弄|欺负)哭|天天被我们|看他还敢|(?:专门)?骂[^，。]{0,4}的群|活该没朋友|没人要/u },
  { name: "knife or killing threat", category: "violence", action: "block", pattern: /(?:拿|用|带)刀(?:捅|砍|杀|去)|(?:捅|砍|打|弄|揍)死(?:你|他|她)|打断(?:你|他|她)的?腿|扔进(?:湖|河|江)里|(?:站着进去|躺着出来)/u },
  { name: "intimidation", category: "violence", action: "block", pattern: /我知道你(?:家)?(?:住|每天|几点)|(?:砸|烧|炸)(?:了)?(?:你家|学校)|(?:放一把火|一把火烧)|(?:放学|明天|今晚|晚上)?(?:你)?(?:别走|给我等着|你等着)|有你好看|(?:找人|叫人|叫我哥|带上你的人)(?:来)?(?:打|收拾|揍)?|让你后悔|你(?:逃|跑)不掉|(?:让你|叫你)在学校待不下去|(?:收拾|教训)(?:你|他|她|那小子)|找[^，。]{0,4}算账|你的照片全网/u },
  { name: "exposing a child (人肉)", category: "bullying", action: "block", pattern: /人肉|开盒|求扒|扒一下|挂出来|(?:曝光|公开)(?:一下|他|她|这个)|(?:照片|地址|住址|学校|电话|班级|身份证)[^。]{0,12}(?:发到网上|挂到网上|发出来|挂出来|全网)|(?:查|扒)(?:一下|出)?[^，。]{0,8}(?:住址|家在哪|住哪|身份证|家长电话)|去他家门口/u, unless: /(?:不要|别|不能|禁止|防止|防范|打击|治理|反对|拒绝|欺凌|警惕)[^，。！？]{0,6}$/u },
  { name: "photos asked of a child", category: "sexual", action: "hold", pattern: /(?:发|拍|传)(?:几张|一张|张|点)?[^，。]{0,6}(?:照片|自拍|视频|相片|照)(?:给|发给)?(?:叔叔|哥哥|姐姐|我)(?:看)?|(?:照片|自拍|视频|照)(?:来|过来)看看|(?:照片|自拍|视频)(?:给|发给)(?:叔叔|哥哥|我)|脱(?:了)?衣服|(?:开|打开)摄像头|穿(?:着)?(?:裙子|睡衣|泳装|内衣)|不穿衣服|洗澡的?视频|再拍近一点/u },
  { name: "secrecy with gifts or meeting", category: "sexual", action: "hold", pattern: new RegExp(`(?:别|不要|不准|不能|千万(?:别|不能)|不用)(?:告诉|跟|让)(?:你)?${PARENTS}|小秘密|删掉(?:我们的)?聊天记录|只(?:跟|和)我说`, "u"), requires: /叔叔|哥哥|姐姐|红包|零食|礼物|酒店|宾馆|见面|照片|视频|买给你|皮肤|充|零花钱|出来|来找|来我|接你|陪你|找你/u },
  { name: "an adult alone with a child", category: "sexual", action: "hold", pattern: new RegExp(`(?:带你|陪你|和你)去(?:酒店|宾馆|开房)|${ADULT}(?:带你去|来接你|过来陪你|放学去接你)|一个人在家吗|爸妈不在家的时候|(?:处对象|当你的干爹|做大人做的事)|你(?:才)?(?:十|1)\\d?岁没关系`, "u") },
  { name: "scam: codes, cards or passwords", category: "fraud", action: "block", pattern: /(?:验证码|银行卡|卡号|支付密码|qq密码|微信密码|密码)[^。]{0,10}(?:告诉|发给|念给|给我|输入|提供|填写)|(?:告诉|发给|念给|输入|提供|填写)[^。]{0,10}(?:验证码|银行卡|卡号|支付密码|密码)|(?:共享屏幕|屏幕共享)/u, unless: WARNING },
  { name: "scam: pay first", category: "fraud", action: "hold", pattern: /(?:先|需要|只要)(?:转账|付款|交钱|交\d+元?|付\d+元?)|(?:转账|付款)[^。]{0,10}(?:再|就能|即可|才能)|(?:定金|手续费|解冻费|会员费|邮费|保证金|资料费|医药费)|(?:刷单|返利|日结|稳赚|一单赚|月入过万|一百块变一千)|砍一刀|(?:充|充值)\d+送\d+|中奖了/u, unless: WARNING },
  { name: "scam: free gifts by link or code", category: "fraud", action: "hold", pattern: /(?:扫码|扫这个|点(?:这个|击)?链接|进群|登录)[^。]{0,12}(?:领|赚|送|免费|红包|皮肤)|(?:免费|白送)[^。]{0,6}(?:手机|皮肤|课程|签名照)|(?:抽中|被选中)[^。]{0,8}(?:免费|获得)/u, unless: WARNING },
  { name: "a child's despair", category: "self_harm", action: "hold", pattern: /活着(?:真|好|都|太)?(?:没(?:意思|意义)|累)|想消失|不想(?:再)?(?:活|醒来)|活不下去|撑不下去|(?:死了|去死)算了|一了百了|结束(?:自己|生命|这一切)|遗书|不配活|(?:跳|冲)下去|(?:割|划)(?:腕|手腕|自己|伤)|伤害自己|想让自己流血|(?:攒|存)(?:起来)?[^，。]{0,4}药|一次(?:吃|喝)完|死得没有痛苦|我是多余的|想(?:跳楼|跳河|跳下去)|用绳子结束|惩罚自己|不会回来了/u },
  { name: "drugs offered or sold", category: "drugs", action: "block", pattern: /(?:要|买|卖|出)叶子|(?:吸|吃)了[^，。]{0,6}(?:嗨|飘|兴奋|开心|爽|不会饿)|(?:白色粉末|锡纸)|飘起来的?气球|(?:喝|吃)[^，。]{0,4}(?:一整瓶|很嗨)/u },
  { name: "smoking or alcohol for children", category: "drugs", action: "hold", pattern: /(?:抽|吸)(?:一口|一根|根烟)|(?:买|卖|借|带)(?:烟|酒|电子烟)|电子烟[^，。]{0,10}(?:私聊|一支|买|提神|水果味)|(?:偷喝|偷偷喝|喝醉了?)[^，。]{0,8}(?:好玩|酒)|(?:小朋友|未成年|小学生|小孩)[^，。]{0,8}(?:也能抽|喝(?:一点|点)?(?:啤|白)?酒|抽烟)|(?:偷偷|厕所)[^，。]{0,4}抽烟|不用看身份证|不会问年龄|加了酒|请你喝/u, unless: WARNING },
  { name: "secret or unsafe meeting", category: "sexual", action: "hold", pattern: /(?:偷偷|一个人|单独|别告诉[^，。]{0,4})[^，。]{0,4}(?:出来|来|过来|打车过来|去找)|(?:网友|网上认识|游戏里认识|游戏群)[^。]{0,16}(?:见面|来找|去找|接我|出去)|(?:半夜|深夜|晚上十点|翻墙)[^，。]{0,6}(?:出来|溜出|出去|来)|来我(?:住的|家|车上)|去我家|(?:宾馆|酒店|包间)[^，。]{0,6}(?:找我|来|等)|(?:开车|打车)(?:来)?接你|接我(?:放学|出去)/u, unless: WARNING },
  { name: "invitation to a dangerous place", category: "violence", action: "hold", pattern: /(?:去|来|到|在)(?:那个|那座)?(?:废弃|工地|拆迁|铁轨|水库|高压|电塔|结冰的湖|湖面|烂尾楼|桥底下|后山)[^，。]{0,10}(?:玩|探险|游泳|拍照|滑冰|吧|见)|(?:水库|河里|江里)游泳吧|火车来了再跳/u, unless: WARNING },
];

/** Every intent pattern found in `text`, as word hits with original-text spans and the pattern's name as `word`. */
export function findIntents(text: string, reading: Reading = readText(text)): WordHit[] {
  const joined = reading.text;
  const hits: WordHit[] = [];
  for (const intent of PATTERNS) {
    if (intent.requires && !intent.requires.test(joined)) continue;
    const m = intent.pattern.exec(joined);
    if (!m) continue;
    if (intent.unless?.test(joined.slice(Math.max(0, m.index - 8), m.index))) continue;
    const span = originalSpan(reading, m.index, m.index + m[0].length);
    hits.push({ word: intent.name, category: intent.category, action: intent.action, ...span });
  }
  return hits;
}
