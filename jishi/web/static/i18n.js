/* Interface labels in Chinese (default) and English. Data (actor names, evidence) is never translated
   here: actors carry name and name_en from the API. */
"use strict";
(function () {
  const LABELS = {
    zh: {
      subtitle: "中文新闻政治事件纪事",
      api_docs: "API 文档",
      toggle: "English",
      f_actor: "行为体", f_country: "国家", f_type: "类型", f_since: "起", f_until: "止", f_text: "文本",
      ph_actor: "名称或编号", ph_text: "证据句中的词语",
      any: "全部", apply: "筛选", reset: "重置",
      timeline: "时间线", timeline_hint: "每日事件数，点击某日查看",
      network: "行为体关系网", network_hint: "线宽=事件数，颜色=平均戈德斯坦值",
      map: "事件地图", events: "事件列表", detail: "事件详情",
      pick_event: "从列表、时间线或关系网中选择一个事件。",
      prev: "上一页", next: "下一页", page: "第 {from}–{to} 条，共 {total} 条",
      no_events: "没有符合条件的事件。", no_data: "无数据",
      footer: "地图数据：Natural Earth（world-atlas）。所有数据来自本地数据库。",
      stats: "{articles} 篇文章 · {events} 个事件 · {actors} 个行为体",
      day: "日期：{day}",
      source: "发起方", target: "对象", date: "日期", location: "地点", status: "状态",
      attribution: "消息来源", self_reported: "媒体自述", mentions: "提及", sources: "来源报道",
      goldstein: "戈德斯坦值", confidence: "置信度", cameo: "CAMEO", mode: "方式",
      evidence: "证据", merge: "合并依据", article: "原文", open_article: "查看原文",
      legend_actor: "行为体", legend_trigger: "触发词", legend_time: "时间", legend_evidence: "证据句",
      events_n: "{n} 个事件", num_articles: "{n} 篇文章", unknown: "未知",
      error: "出错了：{msg}", loading: "加载中…",
      quad1: "口头合作", quad2: "实质合作", quad3: "口头冲突", quad4: "实质冲突",
      status_occurred: "已发生", status_ongoing: "进行中", status_planned: "计划中", status_attempted: "未遂",
      status_claimed: "据称", status_denied: "被否认", status_hypothetical: "假设",
    },
    en: {
      subtitle: "a chronicle of political events from Chinese news",
      api_docs: "API docs",
      toggle: "中文",
      f_actor: "Actor", f_country: "Country", f_type: "Type", f_since: "From", f_until: "To", f_text: "Text",
      ph_actor: "name or id", ph_text: "words in the evidence",
      any: "Any", apply: "Filter", reset: "Reset",
      timeline: "Timeline", timeline_hint: "events per day; click a day to list it",
      network: "Actor network", network_hint: "width = events, colour = mean Goldstein",
      map: "Event map", events: "Events", detail: "Event detail",
      pick_event: "Pick an event in the list, the timeline or the network.",
      prev: "Previous", next: "Next", page: "{from}–{to} of {total}",
      no_events: "No events match.", no_data: "No data",
      footer: "Map data: Natural Earth (world-atlas). All data comes from the local database.",
      stats: "{articles} articles · {events} events · {actors} actors",
      day: "Day: {day}",
      source: "Source", target: "Target", date: "Date", location: "Location", status: "Status",
      attribution: "Reported by", self_reported: "the outlet itself", mentions: "Mentions", sources: "Sources",
      goldstein: "Goldstein", confidence: "Confidence", cameo: "CAMEO", mode: "Mode",
      evidence: "Evidence", merge: "Why merged", article: "Article", open_article: "Show article",
      legend_actor: "actor", legend_trigger: "trigger", legend_time: "time", legend_evidence: "evidence",
      events_n: "{n} events", num_articles: "{n} articles", unknown: "unknown",
      error: "Error: {msg}", loading: "Loading…",
      quad1: "Verbal cooperation", quad2: "Material cooperation", quad3: "Verbal conflict", quad4: "Material conflict",
      status_occurred: "occurred", status_ongoing: "ongoing", status_planned: "planned", status_attempted: "attempted",
      status_claimed: "claimed", status_denied: "denied", status_hypothetical: "hypothetical",
    },
  };

  // PLOVER event types (the sixteen of CONTRACT.md) with Chinese and English labels.
  const TYPES = {
    AGREE: ["同意", "Agree"], CONSULT: ["磋商", "Consult"], SUPPORT: ["支持", "Support"],
    CONCEDE: ["让步", "Concede"], COOPERATE: ["合作", "Cooperate"], AID: ["援助", "Aid"],
    RETREAT: ["撤退", "Retreat"], REQUEST: ["请求", "Request"], ACCUSE: ["指责", "Accuse"],
    REJECT: ["拒绝", "Reject"], THREATEN: ["威胁", "Threaten"], PROTEST: ["抗议", "Protest"],
    SANCTION: ["制裁", "Sanction"], MOBILIZE: ["动员", "Mobilize"], COERCE: ["强制", "Coerce"],
    ASSAULT: ["攻击", "Assault"],
  };

  let lang = "zh";

  function t(key, vars) {
    let s = (LABELS[lang] && LABELS[lang][key]) || LABELS.zh[key] || key;
    if (vars) {
      for (const [k, v] of Object.entries(vars)) s = s.split("{" + k + "}").join(String(v));
    }
    return s;
  }

  function typeLabel(type) {
    const pair = TYPES[type];
    if (!pair) return type || "";
    return lang === "en" ? pair[1] : pair[0];
  }

  /* Apply labels to every element carrying data-i18n (textContent only) or data-i18n-placeholder. */
  function apply(root) {
    const scope = root || document;
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    scope.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
    scope.querySelectorAll("[data-i18n-placeholder]").forEach((el) => {
      el.setAttribute("placeholder", t(el.dataset.i18nPlaceholder));
    });
  }

  window.JishiI18n = {
    t, typeLabel, apply,
    types: Object.keys(TYPES),
    get lang() { return lang; },
    set lang(v) { lang = v === "en" ? "en" : "zh"; },
  };
})();
