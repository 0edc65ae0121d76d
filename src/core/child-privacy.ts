/**
 * The child privacy notice (儿童个人信息保护规则) and the user agreement, versioned. A
 * guardian's consent names the version it agreed to; changing the text means a new version,
 * and the consent form shows the text of exactly this version. The retention periods here
 * are the ones the retention job applies, so the promise and the practice cannot drift.
 */
export const CHILD_PRIVACY_VERSION = "2026-11-29";

/** How long each kind of data is kept; the retention job reads these numbers. */
export const RETENTION_DAYS = {
  /** A withdrawn review or photo: deleted at the next run. */
  withdrawn: 0,
  /** A review a moderator removed: kept as a record for complaints and appeals, then deleted. */
  removed: 180,
  /** User reports and moderation decisions about deleted content. */
  moderationRecords: 365,
  /** Data-quality reports once fixed or rejected. */
  resolvedCorrections: 90,
  /** Signed-out or expired sessions. */
  sessions: 0,
} as const;

export interface NoticeSection {
  readonly heading: { zh: string; en: string };
  readonly body: { zh: string; en: string };
}

export const CHILD_PRIVACY_NOTICE: readonly NoticeSection[] = [
  {
    heading: { zh: "我们收集什么", en: "What we collect" },
    body: {
      zh: "孩子的账号只保存：登录名、昵称、出生年份和密码（加密保存）。我们不收集孩子的真实姓名、学校、班级、电话或精确位置。孩子写的点评和上传的照片，会去掉照片里的拍摄位置等信息。",
      en: "A child's account keeps only a sign-in name, a nickname, the year of birth and the password (stored hashed). We do not collect the child's real name, school, class, phone or precise location. Photo metadata such as where a photo was taken is removed.",
    },
  },
  {
    heading: { zh: "谁能看到", en: "Who sees what" },
    body: {
      zh: "公开的只有昵称和经过审核的点评。孩子写的每一条内容都先由审核员看过才会公开。工作人员查看未成年人的信息时都会被记录。",
      en: "Only the nickname and reviewed posts are public. Everything a child writes is read by a moderator before it is shown. Every time staff look at a minor's data it is logged.",
    },
  },
  {
    heading: { zh: "监护人的权利", en: "The guardian's rights" },
    body: {
      zh: "监护人可以随时查看孩子发表的内容、撤回任何一条，也可以删除孩子的账号和全部数据。撤回和删除的内容会被清除，不再保留。",
      en: "The guardian can see what the child posted, withdraw any post, and delete the child's account and all its data at any time. Withdrawn and deleted content is erased.",
    },
  },
  {
    heading: { zh: "保存多久", en: "How long we keep it" },
    body: {
      zh: "撤回的内容在下一次清理时删除；被审核员删除的内容作为记录保留180天后删除；举报和审核记录保留一年。",
      en: "Withdrawn content is deleted at the next clean-up; content a moderator removed is kept as a record for 180 days, then deleted; reports and moderation records are kept for a year.",
    },
  },
  {
    heading: { zh: "安全规则", en: "Safety rules" },
    body: {
      zh: "为了保护孩子，含有电话、地址、学校班级、QQ或微信号的内容不会发出，系统会马上告诉孩子原因。请不要欺负、嘲笑别人。",
      en: "To keep children safe, posts with a phone number, an address, a school and class, a QQ or WeChat id are not posted, and the child is told why at once. Please do not bully or mock anyone.",
    },
  },
];

export const USER_AGREEMENT: readonly NoticeSection[] = [
  {
    heading: { zh: "友善发言", en: "Be kind" },
    body: {
      zh: "点评要真实、友善，不发广告，不发伤害他人的内容。违反规则的内容会被隐藏或删除，多次违反的账号会被暂停。",
      en: "Reviews should be true and kind, with no advertising and nothing that hurts others. Content that breaks the rules is hidden or removed; accounts that break them repeatedly are suspended.",
    },
  },
  {
    heading: { zh: "举报与申诉", en: "Reports and appeals" },
    body: {
      zh: "看到不合适的内容请点“举报”。被多人举报的内容会先隐藏等待审核。如果你的内容被隐藏或删除，你可以申诉。",
      en: "Press “Report” on anything unsuitable. Content several people report is hidden until reviewed. If your content was hidden or removed, you can appeal.",
    },
  },
];
