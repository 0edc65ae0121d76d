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
  /** The match is cancelled when this stands anywhere in the text ("开盒" beside 盲盒 is a toy). */
  cancelledBy?: RegExp;
  /** Read the original in lower case with its spaces (English) instead of the canonical reading. */
  english?: boolean;
  name: string;
}

const INSULT_NOUN = "(?:大)?(?:傻子|猪头|笨蛋|蠢货|蠢猪|蠢蛋|废物|废柴|丑八怪|丑鬼|死胖子|白痴|弱智|傻狗|肥猪|肥婆|垃圾(?!桶|箱|袋|分类)|拖油瓶|土包子|软柿子|爱哭鬼|矮冬瓜|四眼|哑巴|小偷|神经病?|穷鬼|野种|二百五|乞丐|残废)";
/** Names a child is mocked by, after "那个"/"这个": "看那个穷鬼，笑死". */
const MOCKING_NAME = "(?:穷鬼|丑八怪|丑鬼|死胖子|肥猪|肥婆|矮冬瓜|四眼妹|四眼仔|四眼|结巴|傻子|白痴|弱智|野种|土包子|小矮子|哑巴|爱哭鬼)";
const HAN = "\\p{Script=Han}";
const WARNING = /(?:(?<!要)不要|别|不能|不许|不准|禁止|不去|不可以|小心|远离|提醒|防止|防范|拒绝|警惕|注意)[^，。！？]{0,6}$/u;
/** Advice about grooming reads like grooming: "如果有人叫你删掉聊天记录，要告诉爸妈". */
const ADVICE = /(?:(?<!要)不要|别|不能|不许|不准|禁止|不去|不可以|小心|远离|提醒|防止|防范|拒绝|警惕|注意|如果|要是|假如|万一|遇到|never|(?:妈妈|爸爸|老师|警察|家长|大人|奶奶|爷爷|外婆|外公|书上|课上)(?:说|讲|教|提醒|告诉))[^，。！？]{0,8}$/u;
const ADULT = "(?:叔叔|哥哥|姐姐|阿姨|干爹|大哥哥|我)";
const PARENTS = "(?:爸|妈|父母|家长|家里|老师|大人|别人|任何人|家人)";

const PATTERNS: readonly IntentPattern[] = [
  { name: "insult aimed at someone", category: "bullying", action: "hold", pattern: new RegExp(`(?:你|他|她)(?:这个|就是个|是个|真是个|个|就是)${INSULT_NOUN}`, "u") },
  { name: "named child called names", category: "bullying", action: "hold", pattern: new RegExp(`(?:(?!我|自己)${HAN}){2,3}(?:是个|就是个|真是个|就是)${INSULT_NOUN}`, "u") },
  { name: "mocking looks or family", category: "bullying", action: "hold", pattern: /(?:你|他|她)(?:长得)?(?:真|太|好|这么)?丑(?:死了|得要命|还)|又(?:胖|丑|黑|矮|笨)又(?:胖|丑|黑|矮|笨)|长得(?:像|跟)(?:头|只)?(?:猪|狗)|(?:臭死了|身上有味道)|浪费粮食|(?:家|你家)穷得/u },
  { name: "organised exclusion", category: "bullying", action: "hold", pattern: /(?:大家|全班|所有人|我们)都?(?:别|不要|不许|不准)(?:理|跟|和|靠近)(?:他|她|你)?|谁(?:都|也)?不(?:许|准|想|要|愿意)(?:跟|和|理|借)|谁(?:跟|和|理|帮|碰)(?:他|她)[^，。]{0,4}谁(?:就是|倒霉)|(?:全班|大家|所有人)都讨厌|(?:踢出|赶出|拉黑)(?:群|我们|这个群|小组|组)|别让[^，。]{1,8}(?:进|来)|孤立/u },
  { name: "mocking a child", category: "bullying", action: "hold", pattern: new RegExp(`(?:那个|这个|看那|笑那)${HAN}{0,6}?${MOCKING_NAME}|(?:他|她|你)(?:爸|妈|家里人?)(?:是)?(?:坐牢|劳改|捡垃圾|要饭|残疾)的|(?:别|不要|谁都不许|谁也别)(?:和|跟)(?:他|她)玩|谁(?:要是)?(?:帮|跟|和|理)${HAN}{1,4}(?:说话|玩|坐)?${HAN}{0,3}(?:就是|谁就|就跟)(?:叛徒|跟我们作对|我们的敌人|一伙的)`, "u") },
  { name: "mass harassment", category: "bullying", action: "hold", pattern: /(?:大家|都|一起|全班)(?:都)?(?:去)?(?:骂|喷|冲|怼)(?:他|她|这个人|那个人|死他|死她)|举报到封|冲烂(?:他|她)|(?:一起|帮我)?整(?:整|一下|死)(?:那个|他|她)/u },
  { name: "pranks that hurt", category: "bullying", action: "hold", pattern: new RegExp(`把(?:同学|同桌|他|她|那个${HAN}{0,4}|(?!我)${HAN}{2,3})(?:推|踢|扔|按|挤)(?:进|到|下)(?:了)?(?:水池|水里|河|湖|池塘|沟|楼梯|泥)|(?:抽走|拿走|踢开)[^。]{0,6}椅子|椅子(?:抽|拿|踢|拉)(?:走|开)|(?:放|倒|撒|加)(?:了|点)?(?:粉笔灰|胶水|图钉|虫子|泻药|死老鼠|鼻涕)[^。]{0,8}(?:看他|看她|让他|让她|给他|给她|他的|她的)|(?:往|在)(?:他|她)的?(?:水杯|水壶|饭|书包|座位|椅子|鞋)[^。]{0,4}(?:里|上)?(?:放|倒|吐|撒|抹)|(?:把|给)(?:那个|他|她)[^。]{0,6}(?:录|拍)(?:下来|视频)[^。]{0,6}(?:发|传)`, "u"), unless: ADVICE },
  { name: "exclusion and ridicule", category: "bullying", action: "hold", pattern: new RegExp(`(?:投票|评|选)(?:选)?(?:出)?(?:最丑|最胖|最笨|最臭|最讨厌|最恶心)|最(?:丑|胖|笨|臭|讨厌|恶心)的(?:同学|人|女生|男生|那个)|把(?:他|她|同桌|同学|那个${HAN}{0,4}|(?!我)${HAN}{2,3}的)(?:的)?(?:书包|鞋|文具盒|作业|饭盒|衣服|帽子|书|笔|水杯)[^。]{0,6}(?:扔|藏|撕|踩|丢|剪|泼)|(?:每天|天天|都|一起|以后)不理(?:她|他)|让(?:她|他)知道自己(?:有多)?(?:讨厌|恶心|多余|没人要)|(?:贴|挂)(?:到|在)(?:黑板|墙|群|门)[^。]{0,6}(?:笑|让大家)|让大家(?:笑话|嘲笑|看笑话)|把(?:他|她)的?(?:书包|鞋|文具盒|作业|饭盒|衣服|帽子|书)[^。]{0,8}(?:扔|藏|撕|踩|丢)`, "u"), unless: ADVICE },
  { name: "a mocking nickname", category: "bullying", action: "hold", pattern: /(?:起|取)(?:了)?(?:个)?外号/u, cancelledBy: /好听|夸|因为(?:他|她)(?:很|特别|最|什么都|跑得|画得|学习)?(?:聪明|懂|知道|厉害|快|会|棒|好|能干|勇敢)|大家都喜欢/u },
  { name: "humiliation", category: "bullying", action: "hold", pattern: /笑死他|学他说话|扔进厕所|堵在|(?:把|让)(?:零花钱|钱)交出来|跪下道歉|P成|把[^，。]{1,6}的?(?:鞋|书包|作业本|饭盒)(?:藏|扔|撕|打翻)|(?:弄|欺负)哭|天天被我们|看他还敢|(?:专门)?骂[^，。]{0,4}的群|活该没朋友|没人要/u },
  { name: "weapon brought to a quarrel", category: "violence", action: "block", pattern: /(?:带|拿|揣|抄|掏)(?:上|着|把)?(?:刀|刀子|棍子|铁棍|木棍|棒子|棒球棍|砖头|板砖|斧头|家伙|弹簧刀|水果刀|甩棍)(?:来|去|过来|过去|找|等|堵)/u, unless: WARNING },
  { name: "cursing someone's family", category: "insult", action: "hold", pattern: /(?:你|他|她)(?:妈|全家|爹|爸|娘|妈妈)(?:没了|死了|炸了|飞了|死光|死绝|不在了吧)/u },
  { name: "hurting animals for fun", category: "violence", action: "hold", pattern: /(?:打|踢|砸|虐|烫|烧|扔|射|毒|抓)[^。]{0,10}(?:猫|狗|鸟|鸽子|麻雀|喜鹊|燕子|松鼠|小动物|鱼|青蛙|蛤蟆|乌龟|兔子|鸭子|小鸡|天鹅)[^。]{0,10}(?:好玩|刺激|过瘾|有意思|笑死|好爽|打中|死了几|真爽)|(?:弹弓|石头|鞭炮|开水|打火机|炮仗)(?:打|砸|炸|烫|烧|射)[^。]{0,6}(?:猫|狗|鸟|鸽子|松鼠|鱼|青蛙|小动物|鸭子)|虐(?:猫|狗|待动物)/u, unless: ADVICE },
  { name: "dangerous acts for fun", category: "violence", action: "hold", pattern: /(?:往|朝|向|对着)[^。]{0,8}(?:扔|砸|丢|泼|射|踢)[^。]{0,6}(?:最|真|好|超)?(?:刺激|好玩|过瘾|有意思|笑死|爽)|(?:扔|砸|丢|放)(?:石头|砖头|鞭炮|炮仗|瓶子|鸡蛋|水球)[^。]{0,10}(?:最|真|好|超)?(?:刺激|好玩|过瘾|有意思|笑死|爽)|高空抛物(?:好玩|刺激)|(?:扒|爬)(?:火车|货车|公交车尾)|(?:铁轨|马路中间|高速路?)(?:上)?(?:躺|玩|比胆|拍照)|(?:点火|放火)(?:烧|玩)[^。]{0,6}(?:好玩|刺激)/u, unless: ADVICE },
  { name: "threat or blackmail", category: "violence", action: "block", pattern: /满地找牙|(?:挖|戳|打)(?:出|瞎)?(?:你|他|她)的?眼睛|把你的?(?:眼睛|牙|腿|手)(?:挖|打|敲|掰|打断)|(?:带上|拿上|揣上|抄上|带着)(?:家伙|刀|刀子|棍子|铁棍|砖头|板砖|甩棍)|(?:混|待|呆)不下去|吃不了兜着走|见你一次打一次|横着出去|我知道你(?:在|住)?(?:哪个学校|哪个班|家在哪|住哪|在哪上学|在哪个小区)|(?:不然|否则|要不然|不听话)(?:的话)?(?:就|我就)?[^。]{0,8}(?:把你|揍你|打你|弄你|发出去|发到|告诉所有人|曝光你|挂你)|(?:不给|不转|不交|敢告)[^。]{0,8}(?:就|我就)[^。]{0,6}(?:把你|揍|打|弄死|发出去|发到群)|(?:丑照|裸照|秘密|照片|视频)[^。]{0,6}在我(?:手上|这里|手里)|(?:不转|不给|不交|不然|否则|要不然)[^。]{0,14}(?:丑照|裸照|照片|视频|秘密|聊天记录|日记)[^。]{0,8}(?:发|传|挂|公开|曝光)/u, unless: WARNING },
  { name: "knife or killing threat", category: "violence", action: "block", pattern: /(?:拿|用|带)刀(?:捅|砍|杀|去)|(?:捅|砍|打|弄|揍)死(?:你|他|她)|打断(?:你|他|她)的?腿|扔进(?:湖|河|江)里|(?:站着进去|躺着出来)/u },
  { name: "intimidation", category: "violence", action: "block", pattern: /我知道你(?:家)?(?:住|每天|几点)|(?:砸|烧|炸)(?:了)?(?:你家|学校)|(?:放一把火|一把火烧)|(?:放学|明天|今晚|晚上)?(?:你)?(?:别走|给我等着|你等着)|有你好看|(?:找人|叫人|叫我哥|带上你的人)(?:来)?(?:打|收拾|揍)?|让你后悔|你(?:逃|跑)不掉|(?:让你|叫你)在学校待不下去|(?:收拾|教训)(?:你|他|她|那小子)|找[^，。]{0,4}算账|你的照片全网/u },
  { name: "exposing a child (人肉)", category: "bullying", action: "block", pattern: /人肉|求扒|扒一下|挂出来|(?:曝光|公开)(?:一下|他|她|这个)|(?:照片|地址|住址|学校|电话|班级|身份证)[^。]{0,12}(?:发到网上|挂到网上|发出来|挂出来|全网)|(?:查|扒)(?:一下|出)?[^，。]{0,8}(?:住址|家在哪|住哪|身份证|家长电话)|去他家门口/u, unless: /(?:不要|别|不能|禁止|防止|防范|打击|治理|反对|拒绝|欺凌|警惕)[^，。！？]{0,6}$/u },
  { name: "exposing a child (开盒)", category: "bullying", action: "block", pattern: /开盒(?![机子])/u, unless: /(?:不要|别|不能|禁止|防止|防范|打击|治理|反对|拒绝|警惕)[^，。！？]{0,6}$/u, cancelledBy: /盲盒|隐藏款|抽到|拆盒|礼盒|饭盒|玩具|手办|开箱/u },
  { name: "photos asked of a child", category: "sexual", action: "hold", pattern: /(?:发|拍|传)(?:几张|一张|张|点)?[^，。]{0,6}(?:照片|自拍|视频|相片|照)(?:给|发给)?(?:叔叔|哥哥|姐姐|我)(?!妈|爸|家|奶|爷|外|们|的)(?:看)?|(?:照片|自拍|视频|照)(?:来|过来)看看|(?:照片|自拍|视频)(?:给|发给)(?:叔叔|哥哥|我)(?!妈|爸|家|奶|爷|外|们|的)|脱(?:了)?衣服|(?:开|打开)摄像头|穿(?:着|的)?(?:裙子|睡衣|泳装|泳衣|内衣)|(?:拍|发)(?:一张|几张|张)(?:给我|给叔叔|给哥哥)看|不穿衣服|洗澡的?视频|再拍近一点/u },
  { name: "secrecy with gifts or meeting", category: "sexual", action: "hold", pattern: new RegExp(`(?:别|不要|不准|不能|千万(?:别|不能)|不用)(?:告诉|跟|和|让)(?:你)?${PARENTS}|小秘密|删掉(?:我们的)?(?:聊天)?记录|只(?:跟|和)我说|我们的(?:聊天|事|对话)(?:是|要)?(?:秘密|保密)`, "u"), requires: /叔叔|哥哥|姐姐|红包|零食|礼物|酒店|宾馆|见面|照片|视频|买给你|皮肤|充|零花钱|出来|来找|来我|接你|陪你|找你|聊天|聊的|成熟|可爱|漂亮|身材|男朋友|女朋友/u, unless: ADVICE },
  { name: "grooming by flattery and closeness", category: "sexual", action: "hold", pattern: /比同龄人(?:成熟|懂事|漂亮)|(?:你|小妹妹|小弟弟|宝贝|妹妹)(?:真|好|这么|长得)?(?:可爱|漂亮|懂事|成熟|乖)[^。]{0,12}(?:叔叔|哥哥|红包|加我|私聊|见面|礼物|视频)|(?:你|妹妹)?有(?:男|女)朋友吗|(?:全身照|身材照|腿的照片|私房照|泳衣照)|(?:关上门|把门关上|锁上门|锁好门)[^。]{0,8}(?:视频|拍|聊)|(?:视频|拍)[^。]{0,8}(?:关上门|把门关上)|免费给你拍|(?:星探|童星|模特|签约|拍广告|选角)[^。]{0,12}(?:一个人|报名费|交钱|培训费|押金|照片|身份证|户口本)/u, unless: ADVICE },
  { name: "grooming: body, age, live streams, location", category: "sexual", action: "hold", pattern: /(?:身材|腿|脚|胸|屁股)[^。]{0,6}(?:照片|拍|视频|看看)|(?:当|做)你的?(?:男朋友|女朋友|老公|老婆)|我(?:[一二三四五六七八九十\d]+|几)岁了?[^。]{0,6}没关系|年龄不是问题|大(?:你)?几岁没关系|(?:刷礼物|打赏|送礼物)[^。]{0,10}(?:穿|好看|跳舞|露|换衣服)|(?:只要|如果)(?:你|我)?(?:来|去)?(?:见|找)(?:我|他|她|面)[^。]{0,6}(?:就|都)?(?:给|送|买)|(?:宾馆|酒店|住的地方|他家|我家)[^。]{0,6}(?:拿|取)(?:礼物|东西|手机)|(?:定位|实时位置|位置共享)[^。]{0,4}(?:发|给|共享)(?:我|给我)|发(?:个|下|一下)?(?:你的)?定位|(?:发|录)(?:个|段|条)?语音给(?:哥哥|叔叔|我)听/u, unless: ADVICE },
  { name: "getting a child alone", category: "sexual", action: "hold", pattern: /单独(?:聊|见面|相处|出来|辅导)|私人(?:微信|号|电话|qq)|(?:偷|拿)(?:了)?(?:妈妈|爸爸|家里|爸妈|奶奶)的?(?:钱|银行卡|手机)[^。]{0,10}(?:主播|刷礼物|打赏|充值|给他|给她)|(?:主播|网友)[^。]{0,8}(?:最爱|最喜欢)(?:的)?(?:粉丝|宝贝)/u, unless: ADVICE },
  { name: "gifts for affection", category: "sexual", action: "hold", pattern: /叫(?:声|我|一声|我一声)(?:老公|老婆|宝贝|亲爱的|主人|爸爸|干爹)|(?:给你|帮你|我给你)(?:充|买|送)[^。]{0,6}(?:点券|皮肤|钻石|会员|q币|金币|礼物)[^。]{0,10}(?:叫|亲|抱|照片|视频|见面|陪我|做我|乖|听话|别告诉)|(?:做我|当我)的?(?:女朋友|男朋友|老婆|小女友|媳妇)/u, unless: ADVICE },
  { name: "a stranger's car or home", category: "sexual", action: "hold", pattern: /开车[^。]{0,8}(?:等你|接你|来找你|带你)|(?:在|到)(?:校门口|学校门口|你家楼下|你学校)等你|(?:上我的车|坐我的车|上车我们|你上车)|(?:去|来)(?:他|我)家(?:拿|取|玩)|(?:他|我)(?:爸妈|家里)(?:出差|不在)[^。]{0,8}(?:来|玩|就我们)|就我们两个|(?:陌生|不认识的)[^。]{0,8}接(?:我|你)/u, unless: ADVICE },
  { name: "an adult alone with a child", category: "sexual", action: "hold", pattern: new RegExp(`(?:带你|陪你|和你)去(?:酒店|宾馆|开房)|${ADULT}(?:带你去|来接你|过来陪你|放学去接你)|一个人在家吗|爸妈不在家的时候|(?:处对象|当你的干爹|做大人做的事)|你(?:才)?(?:十|1)\\d?岁没关系`, "u") },
  { name: "scam: codes, cards or passwords", category: "fraud", action: "block", pattern: /(?:验证码|银行卡|卡号|支付密码|qq密码|微信密码|密码)[^。]{0,10}(?:告诉|发给|念给|给我|输入|提供|填写)|(?:告诉|发给|念给|输入|提供|填写)[^。]{0,10}(?:验证码|银行卡|卡号|支付密码|密码)|(?:共享屏幕|屏幕共享)|(?:账号|帐号)(?:借|给)我[^。]{0,8}密码|密码(?:发|给)我/u, unless: ADVICE },
  { name: "scam: pay first", category: "fraud", action: "hold", pattern: /(?:先|需要|只要)(?:转账|付款|交钱|交\d+元?|付\d+元?)|(?:转账|付款)[^。]{0,10}(?:再|就能|即可|才能)|(?:手续费|解冻费|保证金|资料费)|(?:兼职|在家就能(?:做|赚)|日赚|躺赚|动动手指)[^。]{0,12}(?:交|付|押金|转)|(?:投资|理财|平台)[^。]{0,10}(?:变|翻倍|翻番|稳赚|收益)|[\d一二三四五六七八九十百千万]+块?钱?[^。]{0,4}(?:变|翻成)[\d一二三四五六七八九十百千万]+|(?:刷单|返利|日结|稳赚|一单赚|月入过万|一百块变一千)|砍一刀|(?:充|充值)\d+送\d+|中奖了/u, unless: ADVICE },
  { name: "scam: pay and keep it from adults", category: "fraud", action: "hold", pattern: /(?:扫(?:这个)?码|转账|交钱|付款|交[^。]{0,4}费|充值)[^。]{0,12}(?:不要|别|不用|不能)(?:问|告诉|跟|和|让)(?:老师|家长|爸妈|爸爸|妈妈|大人)|(?:不要|别|不用)(?:问|告诉|跟|和|让)(?:老师|家长|爸妈|爸爸|妈妈|大人)[^。]{0,12}(?:扫(?:这个)?码|转账|交钱|付款|充值)/u, unless: ADVICE },
  { name: "scam: a fee to claim", category: "fraud", action: "hold", pattern: /(?:交|付|转)[\d一二三四五六七八九十百千万.]*(?:块|元)?(?:钱)?(?:的)?(?:定金|押金|会员费|邮费|医药费|报名费|培训费)/u, requires: /中奖|领取|就能|免费|客服|解冻|兼职|月入|福利|签名照|答案|出事|防沉迷|网红|星探|童星|模特|抽中|名额/u, unless: ADVICE },
  { name: "scam: free gifts by link or code", category: "fraud", action: "hold", pattern: /(?:扫码|扫这个|扫(?:一下|一扫)?(?:这个)?(?:码|二维码)|点(?:开|这个|击)?(?:这个)?链接|进群|登录)[^。]{0,12}(?:领|赚|送|免费|红包|皮肤|抽|赢|钻石|点券)|(?:免费|白送)[^。]{0,6}(?:手机|皮肤|课程|签名照)|(?:抽中|被选中)[^。]{0,8}(?:免费|获得)/u, unless: ADVICE },
  { name: "goodbye or hurting oneself", category: "self_harm", action: "hold", pattern: /(?:活着|我)(?:就)?是(?:个)?(?:错误|多余的|累赘|负担)|不该(?:被)?(?:生|出生)|写好了?[^。]{0,8}(?:信|遗书)[^。]{0,8}(?:走|离开|再见|告别)|(?:手腕|胳膊|手臂|大腿)上的?(?:疤|伤口|刀痕|划痕)|没人在乎我|(?:不见了|消失了|死了)[^。]{0,6}(?:也)?没人(?:会)?(?:发现|在乎|难过|知道)|药(?:都|全|已经)?(?:攒|存)(?:起来|够)|(?:安眠药|药片|药)[^。]{0,8}(?:够多了|够了|一次吃)|最后一次(?:上线|发言|说话|发动态)|以后(?:不用|别|不要)(?:再)?找我了?|(?:永别|诀别)了|(?:扎|刺|戳|烫|掐|咬|划|打)(?:伤)?自己(?:的)?(?:手|胳膊|腿|头)?|疼了?(?:就|才)(?:不难过|好受|舒服)|(?:催吐|抠喉咙|(?:不|别)吃饭[^。]{0,10}(?:瘦|不会被发现|才好看))|(?:想瘦|减肥|变瘦)[^。]{0,6}(?:别吃|不吃|饿|催吐|抠)|饿晕/u, unless: /(?:不要|别|不能|禁止|防止|如果有人|千万别)[^，。！？]{0,6}$/u },
  { name: "a child's despair", category: "self_harm", action: "hold", pattern: /活着(?:真|好|都|太)?(?:没(?:意思|意义)|累)|想消失|不想(?:再)?(?:活|醒来)|活不下去|撑不下去|(?:死了|去死)算了|一了百了|结束(?:自己|生命|这一切)|遗书|不配活|(?:跳|冲)下去|(?:割|划)(?:腕|手腕|自己|伤)|(?:割|划)(?:了)?(?:一下|几下|一刀|几刀|一道)(?:手腕|手臂|胳膊|自己)|伤害自己|想让自己流血|(?:攒|存)(?:起来)?[^，。]{0,4}药|一次(?:吃|喝)完|死得没有痛苦|我是多余的|想(?:跳楼|跳河|跳下去)|用绳子结束|惩罚自己|不会回来了/u },
  { name: "drugs offered or sold", category: "drugs", action: "block", pattern: /(?:要|买|卖|出)叶子|(?:一颗|一片|一粒|一口|一包)[^。]{0,4}(?:就|保证)?(?:飘|嗨|上头|忘掉烦恼|忘记烦恼)|(?:我|哥|这)(?:这|这里|手上)?有货|(?:吸|抽|闻)(?:了|完|一口|一下)[^。]{0,8}(?:嗨|飘|兴奋|上头|不会饿|不困)|(?:吃|喝)(?:了|完|一口|一下)[^。]{0,8}(?:很嗨|好嗨|超嗨|嗨翻|嗨了|飘飘|飘了|飘起来|上头|不会饿|不困|睡不着还)|(?:卖|有人卖|出)[^。]{0,12}(?:糖|奶茶|邮票|饼干|巧克力|气球|烟|饮料|水)[^。]{0,10}(?:嗨|飘飘|上头)|(?:白色粉末|锡纸)|飘起来的?气球|(?:喝|吃)[^，。]{0,4}(?:一整瓶|很嗨)/u },
  { name: "smoking or alcohol for children", category: "drugs", action: "hold", pattern: /(?:抽|吸)(?:一口|一根|根烟)|(?:买|卖|借|带)(?:烟|酒|电子烟)|电子烟[^，。]{0,10}(?:私聊|一支|买|提神|水果味|拿|口味|味的|找我)|(?:偷喝|偷偷喝|喝醉了?)[^，。]{0,8}(?:好玩|酒)|(?:小朋友|未成年|小学生|小孩)(?:(?!不|别|禁止|严禁)[^，。]){0,8}(?:也能抽|喝(?:一点|点)?(?:啤|白)?酒|抽烟)|(?:偷偷|厕所)[^，。]{0,4}抽烟|不用看身份证|不会问年龄|加了酒|请你喝/u, unless: ADVICE },
  { name: "drink or drugs pressed on a child", category: "drugs", action: "hold", pattern: /(?:药丸|药片|小药|糖丸|胶囊)[^。]{0,12}(?:不睡觉|不困|兴奋|很嗨|飘|提神|变瘦|上瘾)|(?:喝|抽)(?:一点|一口|几口|点|一根)(?:也)?(?:没事|没关系|不要紧|怕什么)|(?:网上|偷偷)?(?:买|网购|代购)(?:了)?(?:电子烟|烟弹|悦刻)|吸(?:这个|一口|这口|几口)[^。]{0,10}(?:不紧张|放松|提神|忘掉|舒服|试试)|(?:喝|来)(?:一|两|几)?(?:瓶|杯|口|罐)(?:啤酒|白酒|酒|红酒)[^。]{0,6}(?:不会醉|没事|干杯|怕什么)|不会醉的|你又不是小孩/u, unless: ADVICE },
  { name: "age-restricted goods for children", category: "drugs", action: "hold", pattern: /(?:不|不用|不会|没人|从不|也不)(?:查|看|问|要)(?:年龄|身份证|证件|岁数|身份)|(?:小学生|小孩|未成年人?|小朋友|初中生|学生|孩子)(?:都|也)?(?:能|可以|敢)(?:买|喝|抽|进|去|找我拿)|(?:带|让)未成年人?(?:进|去)|未成年人?(?:也|都)(?:卖|行|可以)/u, requires: /酒|烟|网吧|vape|ktv|刀|悦刻|彩票/u, unless: ADVICE },
  { name: "secret or unsafe meeting", category: "sexual", action: "hold", pattern: /(?:偷偷|一个人|单独|别告诉[^，。]{0,4})[^，。]{0,4}(?:出来|来|过来|打车过来|去找)|(?:网友|网上认识|游戏里认识|游戏群)[^。]{0,16}(?:见面|来找|去找|接我|出去|带我去|带我出去|车票|路费|机票)|(?:车票|路费|机票|高铁票)(?:他|她|哥哥|姐姐|叔叔)(?:买|出|报销|包)|(?:半夜|深夜|晚上十点|翻墙)[^，。]{0,6}(?:出来|溜出|出去|来)|来我(?:住的|家|车上)|去我家|(?:宾馆|酒店|包间)[^，。]{0,6}(?:找我|来|等)|(?:开车|打车)(?:来)?接你/u, unless: ADVICE },
  { name: "dangerous dares and places", category: "violence", action: "hold", pattern: /你敢不敢[^。]{0,12}(?:半夜|一个人|坟|跳|爬|偷|摸)|(?:半夜|深夜)[^。]{0,6}(?:坟地|墓地|后山|废弃)|(?:涨水|洪水|发大水)[^。]{0,10}(?:去|看|站|玩|游)|(?:去|站在)[^。]{0,4}(?:涨水|洪水)|(?:鞭炮|炮仗|石头|砖头)(?:扔|丢|塞|放)(?:进|到|在)[^。]{0,10}(?:刺激|好玩|过瘾|有意思|笑死|爽|炸)|(?:鞭炮|炮仗)[^。]{0,4}(?:下水道|井盖|化粪池)|用(?:打火机|火|开水|放大镜)(?:烧|烫)|(?:烧|烫|淹)(?:死)?(?:蚂蚁窝|小鸟|小猫|小狗)|把(?:那只|这只|一只)?(?:流浪)?(?:猫|狗|小猫|小狗|鸟|兔子|仓鼠|乌龟)(?:[^。]{0,6}(?:扔|摔|踢|丢|淹))|(?:不用|别|不要|千万别|不准)带大人|瞒着大人|(?:湖|河|江|水库|池塘)(?:上|面上|面)?(?:踩冰|滑冰|走冰)|冰(?:很厚|够厚|结实)[^。]{0,6}(?:上去|踩|走|玩)?|栏杆外(?:面|边)?|爬(?:上)?(?:栏杆|护栏|围墙|电线杆|屋顶|楼顶|塔吊|高压)|火车来了再|(?:铁路|铁道|铁轨)(?:上)?(?:玩|走|拍照|躺|捡)|马路中间(?:站|躺|坐|玩|跑)|谁敢[^。]{0,12}(?:谁就是|就是)(?:勇士|英雄|老大|男子汉)|(?:憋气|窒息|昏迷)挑战|把(?:猫|狗|小猫|小狗|鸟|兔子|仓鼠|乌龟)[^。]{0,6}(?:扔|摔|踢|丢|淹)|喂[^。]{0,4}(?:巧克力|洋葱|酒|辣椒)[^。]{0,6}看(?:它|他)|看它(?:会不会死|疼不疼|什么反应)/u, unless: ADVICE },
  { name: "somewhere dangerous to play", category: "violence", action: "hold", pattern: /(?:高速公路|高速路|高速|铁轨|铁路|变电站|高压线|电塔|隧道|天台|楼顶|悬崖|河堤|深水区|下水道|井盖)(?:的)?(?:边上|边|旁边|上面|上|里|里面|下面)?[^。]{0,6}(?:玩|放风筝|探险|坐着|躺|比赛|捉迷藏|吧|看星星|跳)|(?:天台|楼顶)[^。]{0,6}(?:没锁|边上|边缘)/u, unless: ADVICE },
  { name: "invitation to a dangerous place", category: "violence", action: "hold", pattern: /(?:去|来|到|在)(?:那个|那座)?(?:废弃|工地|拆迁|铁轨|水库|高压|电塔|结冰的湖|湖面|烂尾楼|桥底下|后山)[^，。]{0,10}(?:玩|探险|游泳|拍照|滑冰|吧|见)|(?:水库|河里|江里)游泳吧|火车来了再跳/u, unless: ADVICE },
  // English, read with its spaces: a child's or a stranger's English is as plain as its Chinese.
  { name: "grooming in English", category: "sexual", action: "hold", english: true, pattern: /\bmature for (?:your age|a \d+|\d+|an? \w+ year)|\b(?:don'?t|do not|dont|never|no need to) (?:tell|show|let) (?:ur|your|you'?re|ya) (?:parents|mom|mum|dad|family|teacher|folks)|\bour (?:little )?secret\b|\b(?:send|show) me (?:a |some |your )?(?:pics?|photos?|selfies?|pictures?|videos?)\b|\b(?:don'?t|dont|do not) tell (?:anyone|anybody|no one)\b|\bare (?:you|u) (?:home )?alone\b|\bdelete (?:our|the|this) (?:chat|messages|texts)\b|\b(?:you'?re|ur|you are) (?:so )?(?:pretty|cute|hot|sexy) for (?:a|your)\b/iu, unless: /\b(?:never|don'?t|do not|dont|warn|beware|if (?:someone|anyone|a stranger))\b[^.!?]{0,25}$/iu },
  { name: "meeting a stranger in English", category: "sexual", action: "hold", english: true, pattern: /\bmeet (?:me |up )?(?:alone|in person|irl|secretly|in secret)\b|\bcome (?:to|over to) my (?:house|place|car|hotel|room)\b|\bi'?ll pick (?:you|u) up\b|\bcome alone\b|\bbring no ?one\b|\bmeet (?:me )?(?:at|in|behind|near)\b[^.!?]{0,30}\b(?:midnight|alone|at night)\b|\bsneak out\b/iu, unless: /\b(?:never|don'?t|do not|dont|warn|beware)\b[^.!?]{0,25}$/iu },
  { name: "alcohol, vaping or drugs in English", category: "drugs", action: "hold", english: true, pattern: /\bget (?:drunk|high|wasted|stoned|hammered)\b|\bsteal (?:some |a )?(?:beer|booze|wine|alcohol|vodka|liquor|cigarettes|smokes|vapes?)\b|\b(?:vape|vapes|vaping|juul|e-?cigs?|weed|edibles?)\b(?:(?!\b(?:bad|harmful|dangerous|never|not|don'?t|dont)\b)[^.!?]){0,40}\b(?:fine|safe|try|kids|cool|harmless|totally ok)\b|\btry (?:a |my |some |my \w+'s )?(?:vapes?|cigarettes?|smokes?|weed|beers?|vodka)\b|\bbuy (?:you |u )?(?:beer|alcohol|booze|cigarettes|vapes?)\b/iu, unless: /\b(?:never|don'?t|do not|dont|warn|beware|dangers? of|say no to)\b[^.!?]{0,25}$/iu },
  { name: "asking for drugs in English", category: "drugs", action: "hold", english: true, pattern: /\b(?:take|try|swallow) (?:these|this|my|some|a few) (?:pills?|tablets?)\b|\bpills?\b[^.!?]{0,30}\b(?:feel (?:amazing|high|great)|get high|relax)\b|\b(?:where|how) (?:to|can i|do i|can we|do you|could i) (?:get|buy|find|score) (?:some |any )?(?:weed|vapes?|cigarettes|smokes|alcohol|beer|booze|pills|drugs|edibles)\b/iu, unless: /\b(?:never|don'?t|dont|do not)\b[^.!?]{0,25}$/iu },
  { name: "dangerous dares in English", category: "violence", action: "hold", english: true, pattern: /\bhold (?:your|their|our|my) breath\b[^.!?]{0,40}\b(?:longest|underwater|pass out|faint)\b|\b(?:choking|blackout|pass ?out|skull ?breaker) (?:game|challenge)\b|\b(?:play|walk|lie) (?:on|near) the (?:train tracks|railway|highway)\b/iu, unless: /\b(?:never|don'?t|dont|do not|dangerous)\b[^.!?]{0,25}$/iu },
  { name: "threat in English", category: "violence", action: "block", english: true, pattern: /\b(?:i'?ll|ill|i will|gonna|going to|we'?ll) (?:(?:kill|hurt|stab|punch|shoot|jump|beat|smash) (?:you|u|him|her|them|ya)\b|beat (?:you|u|him|her) up\b)|\bbring (?:a |my )?(?:knife|gun|bat)\b|\bi know where (?:you|u) (?:live|go to school)\b|\bi know where (?:your|ur) (?:school|house|home) is\b|\bfind out where (?:she|he|they|you|u) (?:lives?|goes to school)\b|\begg (?:her|his|their|your) house\b|\b(?:you'?re|ur|you are) dead\b|\bwatch your back\b/iu, unless: /\b(?:never|don'?t|do not|dont)\b[^.!?]{0,15}$/iu },
  { name: "bullying in English", category: "bullying", action: "hold", english: true, pattern: /\b(?:nobody|no one|no1) (?:likes|wants|loves) (?:you|u|him|her)\b|\blet'?s (?:all )?ignore (?:her|him|them)\b|\b(?:smells?|looks?) like (?:garbage|trash|a pig|poop|a rat)\b|\b(?:fat|ugly|stupid|dumb) (?:pig|cow|loser|freak|idiot)\b|\bpost (?:her|his|their) (?:pic|photo|picture|address)\b|\broast (?:him|her|them)\b|\bmake fun of (?:him|her|them)\b|\b(?:nobody|no one) (?:talk|sit|play) (?:to|with) (?:her|him)\b|\b(?:everyone|everybody) hates (?:you|u|him|her)\b|\b(?:you'?re|ur|you are|he'?s|she'?s) (?:so )?(?:fat|ugly|stupid|dumb|a loser|worthless)\b/iu },
  { name: "despair in English", category: "self_harm", action: "hold", english: true, pattern: /\b(?:want|wanna|going) to die\b|\bkill myself\b|\bend it all\b|\b(?:cut|hurt|harm) myself\b|\bno reason to live\b|\bdisappear (?:forever|for good)\b|\b(?:nobody|no one) (?:would|will|'?d) (?:care|notice|miss me)\b|\bif i (?:was|were) gone\b|\b(?:don'?t|dont) want to (?:be here|live|exist|wake up) anymore\b|\bbetter off (?:dead|without me)\b/iu },
  { name: "scam in English", category: "fraud", action: "hold", english: true, pattern: /\b(?:send|tell|give) me (?:the |your |ur )?(?:\w+ )?(?:code|password|pin|verification)\b|\bfree (?:robux|v-?bucks|skins?|iphone|gems|diamonds)\b|\bclick (?:this|the|my) link\b|\byou(?:'ve| have)? won\b/iu, unless: /\b(?:never|don'?t|do not|dont|warn|beware)\b[^.!?]{0,25}$/iu },
];

/** Every intent pattern found in `text`, as word hits with original-text spans and the pattern's name as `word`. */
export function findIntents(text: string, reading: Reading = readText(text)): WordHit[] {
  const joined = reading.text;
  const hasLatin = /[a-z]{2}/.test(joined);
  const lower = hasLatin ? text.toLowerCase().replace(/[’‘]/g, "'") : "";
  const hits: WordHit[] = [];
  for (const intent of PATTERNS) {
    if (intent.english && !hasLatin) continue;
    const read = intent.english ? lower : joined;
    if (intent.requires && !intent.requires.test(read)) continue;
    if (intent.cancelledBy?.test(read)) continue;
    const m = intent.pattern.exec(read);
    if (!m) continue;
    if (intent.unless?.test(read.slice(Math.max(0, m.index - (intent.english ? 30 : 8)), m.index))) continue;
    const span = intent.english ? { start: m.index, end: m.index + m[0].length } : originalSpan(reading, m.index, m.index + m[0].length);
    hits.push({ word: intent.name, category: intent.category, action: intent.action, ...span });
  }
  return hits;
}
