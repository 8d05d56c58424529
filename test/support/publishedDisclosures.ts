/**
 * Tables of published budget disclosures from provinces and layouts the other tests do not cover,
 * rebuilt as Grids from the figures and table structure of the stored pages (never their prose).
 * Each builder says its source address and what the transcription had to decide: where a page
 * gives its figures only in its 情况说明 (the corpus keeps the first part of a page), the table is
 * drawn in the layout that page's table list names, and the test says so.
 */
import type { CellRange, CellValue, Grid } from "../../src/core/grid";

export interface PublishedTable {
  source: string;
  grid: Grid;
}

function grid(sheet: string, values: CellValue[][], merges?: CellRange[]): Grid {
  const width = Math.max(...values.map((r) => r.length));
  return {
    sheet,
    origin: { row: 1, col: 1 },
    values: values.map((r) => [...r, ...Array(width - r.length).fill("")]),
    ...(merges ? { merges } : {}),
  };
}

/**
 * 广西梧州, a 事业单位's 2024 单位预算 (元): 一般公共预算基本支出 by 经济分类 类 against 2023, with
 * 增减额 and 增减率 (figures of its section 五(二): 2,476,260.58 元, 同比减少 4,966.66 元, 下降 0.2% …).
 */
export function wuzhou2024BasicChange(): PublishedTable {
  return {
    source:
      "http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1412/upload20240311/C443CF594F700D82110193222E29D217.html",
    grid: grid("一般公共预算基本支出表", [
      ["2024年一般公共预算基本支出预算表"],
      ["", "", "", "", "", "单位：元"],
      ["科目编码", "科目名称", "2023年预算数", "2024年预算数", "增减额", "增减率（%）"],
      ["", "合计", 2481227.24, 2476260.58, -4966.66, -0.2],
      ["301", "工资福利支出", 1983629.12, 2016908.34, 33279.22, 1.68],
      ["302", "商品和服务支出", 481608.12, 445372.24, -36235.88, -7.52],
      ["303", "对个人和家庭的补助", 15990, 13980, -2010, -12.57],
    ]),
  };
}

/**
 * 广西梧州, a 事业单位's 2021 单位预算 (元): 基本支出 by 经济分类 类 against 2020; 对个人和家庭的补助
 * is new (2020 年无此项), so its 增减率 is printed as “-”.
 */
export function wuzhou2021BasicChange(): PublishedTable {
  return {
    source:
      "http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1465/upload20210426/DAB940787434223389B7641D665DF872.html",
    grid: grid("基本支出表", [
      ["2021年一般公共预算基本支出预算表"],
      ["单位：元"],
      ["科目编码", "科目名称", "上年预算数", "本年预算数", "增减额", "增减率"],
      ["", "合计", 1199334, 924289.71, -275044.29, "-22.93%"],
      ["301", "工资福利支出", 1119334, 857890.16, -261443.84, "-23.36%"],
      ["302", "商品和服务支出", 80000, 61599.55, -18400.45, "-23.00%"],
      ["303", "对个人和家庭的补助", 0, 4800, 4800, "-"],
    ]),
  };
}

/**
 * 广西梧州, a 科研事业单位's 2021 单位预算 (元): 一般公共预算支出 by 功能分类 (206 › 20604 ›
 * 2060401 机构运行, 2060499 其他技术研究与开发支出; 208, 210, 221), 合计 | 基本支出 | 项目支出.
 */
export function wuzhou2021Functional(): PublishedTable {
  return {
    source:
      "http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1208/upload20210425/A1F8BCD1ACA85AC7E68757F66715634C.html",
    grid: grid("一般公共预算支出表", [
      ["2021年一般公共预算支出预算表"],
      ["", "", "", "", "单位：元"],
      ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
      ["", "合计", 1493924.6, 1440224.6, 53700],
      ["206", "科学技术支出", 1154610.5, 1100910.5, 53700],
      ["20604", "技术研究与开发", 1154610.5, 1100910.5, 53700],
      ["2060401", "机构运行", 1100910.5, 1100910.5, 0],
      ["2060499", "其他技术研究与开发支出", 53700, 0, 53700],
      ["208", "社会保障和就业支出", 150384, 150384, 0],
      ["20805", "行政事业单位养老支出", 150384, 150384, 0],
      ["2080505", "机关事业单位基本养老保险缴费支出", 150384, 150384, 0],
      ["210", "卫生健康支出", 76142.1, 76142.1, 0],
      ["21011", "行政事业单位医疗", 76142.1, 76142.1, 0],
      ["2101102", "事业单位医疗", 76142.1, 76142.1, 0],
      ["221", "住房保障支出", 112788, 112788, 0],
      ["22102", "住房改革支出", 112788, 112788, 0],
      ["2210201", "住房公积金", 112788, 112788, 0],
    ]),
  };
}

/**
 * 广西梧州, a 事业单位's 2023 单位预算 (元): 基本支出 by 经济分类 类 split into 人员经费 and 公用经费;
 * its 人员经费 holds 委托业务费 (302), as its text lists, so 人员经费 is more than 301 + 303.
 */
export function wuzhou2023BasicSplit(): PublishedTable {
  return {
    source:
      "http://117.141.250.58:10060/wzyjsgkpt/uploadFile/upload1284/upload20230330/F81E71B98EB0CEC7E44621E17170A7D9.html",
    grid: grid("一般公共预算基本支出表", [
      ["2023年一般公共预算基本支出预算表"],
      ["", "", "", "", "单位：元"],
      ["科目编码", "科目名称", "合计", "人员经费", "公用经费"],
      ["", "合计", 881300.39, 809961.19, 71339.2],
      ["301", "工资福利支出", 716052.51, 716052.51, ""],
      ["302", "商品和服务支出", 165247.88, 93908.68, 71339.2],
    ]),
  };
}

/**
 * A county 教育局's 2020 表1 部门收支总表 (万元): captions and totals spaced out (项 目, 本 年 收 入 合 计),
 * 用事业基金弥补收支差额 and 事业单位结余分配 / 其中：转入事业基金 lines, figures with thousands separators.
 */
export function jiaoyuju2020Summary(): PublishedTable {
  const income: [string, CellValue][] = [
    ["一、一般公共预算拨款收入", 16745.59],
    ["二、政府性基金预算拨款收入", ""],
    ["三、国有资本经营预算拨款收入", ""],
    ["四、事业收入", ""],
    ["五、事业单位经营收入", ""],
    ["六、其他收入", ""],
  ];
  const spending: [string, CellValue][] = [
    ["一、一般公共服务支出", ""],
    ["二、外交支出", ""],
    ["三、国防支出", ""],
    ["四、公共安全支出", ""],
    ["五、教育支出", 12204.85],
    ["六、科学技术支出", ""],
    ["七、文化旅游体育与传媒支出", ""],
    ["八、社会保障和就业支出", 1663.86],
    ["九、卫生健康支出", 1235.48],
    ["十、节能环保支出", ""],
    ["十一、城乡社区支出", ""],
    ["十二、农林水支出", ""],
    ["十三、交通运输支出", ""],
    ["十四、资源勘探信息等支出", ""],
    ["十五、商业服务业等支出", ""],
    ["十六、金融支出", ""],
    ["十七、援助其他地区支出", ""],
    ["十八、国土海洋气象等支出", ""],
    ["十九、住房保障支出", 1641.4],
    ["二十、粮油物资储备支出", ""],
    ["二十一、国有资本经营预算支出", ""],
    ["二十二、灾害防治及应急管理支出", ""],
    ["二十三、预备费", ""],
    ["二十四、其他支出", ""],
    ["二十五、转移性支出", ""],
    ["二十六、债务还本支出", ""],
    ["二十七、债务利息支出", ""],
    ["二十八、债务发行费用支出", ""],
  ];
  const body: CellValue[][] = spending.map(([label, amount], i) => [
    ...(income[i] ?? ["", ""]),
    label,
    amount,
  ]);
  return {
    source: "http://www.economicdaily.com.cn/archives/rdxv0wbomqpnl47y3mkj.html",
    grid: grid(
      "部门收支总表",
      [
        ["表1"],
        ["部门收支总表"],
        ["", "", "", "单位：万元"],
        ["收    入", "", "支    出", ""],
        ["项    目", "2020年预算数", "项    目", "2020年预算数"],
        ...body,
        ["本 年 收 入 合 计", 16745.59, "本 年 支 出 合 计", 16745.59],
        ["七、用事业基金弥补收支差额", "", "二十九、事业单位结余分配", ""],
        ["八、上年结转", "", "其中：转入事业基金", ""],
        ["", "", "三十、结转下年", ""],
        ["收 入 总 计", 16745.59, "支 出 总 计", 16745.59],
      ],
      [
        { top: 4, bottom: 4, left: 1, right: 2 },
        { top: 4, bottom: 4, left: 3, right: 4 },
      ]
    ),
  };
}

/**
 * A 广东 city department's 2019 财政拨款安排的行政经费及“三公”经费预算表 (万元): 行政经费 above the
 * 三公 lines, 合计 | 一般公共预算 | 政府性基金预算 | 国有资本经营预算, 公务接待费 typed 1 beside 1.00.
 */
export function guangdong2019Sangong(): PublishedTable {
  return {
    source: "http://www.plpkl.com/zdlyxxgk/czyjshsgjf/sgjf/content/post_3449036.html",
    grid: grid("三公经费", [
      ["2019年财政拨款安排的行政经费及“三公”经费预算表"],
      ["", "", "", "", "单位：万元"],
      ["项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"],
      ["行政经费", 312.23, 312.23, 0, 0],
      ["“三公”经费", 29, 29, 0, 0],
      ["其中：（一）因公出国（境）支出", 0, 0, 0, 0],
      ["（二）公务用车购置及运行维护支出", 28, 28, 0, 0],
      ["1.公务用车购置", 0, 0, 0, 0],
      ["2.公务用车运行维护费", 28, 28, 0, 0],
      ["（三）公务接待费支出", 1, 1, 0, 0],
    ]),
  };
}

/** 重庆江北区's 2021 区本级“三公”经费预算支出表 (万元): 运行维护费 before 购置 under 购置及运行维护费. */
export function jiangbei2021Sangong(): PublishedTable {
  return {
    source: "http://www.cqjb.gov.cn/zwgk_190/zfxxgkml/czyjs/ys/qzf/202104/t20210409_9097453.html",
    grid: grid("三公经费", [
      ["2021年区本级“三公”经费预算支出表"],
      ["", "单位：万元"],
      ["项目", "预算数"],
      ["合计", 4432],
      ["1.因公出国（境）费用", 39],
      ["2.公务接待费", 323],
      ["3.公务用车购置及运行维护费", 4070],
      ["其中：公务用车运行维护费", 2648],
      ["公务用车购置", 1422],
    ]),
  };
}

/**
 * 鄂尔多斯, a 事业单位's 2022 “三公”经费预算 against its 2021 决算 (万元), as the page states the
 * figures: 公务接待 11.8 against 12.39 is printed as 减少 0.58 (−4.68%); 11.8 − 12.39 is −0.59.
 */
export function ordos2022Sangong(): PublishedTable {
  return {
    source: "http://ordoszxfztz.com/index.php?c=show&id=73",
    grid: grid("三公经费", [
      ["2022年“三公”经费预算表"],
      ["", "", "", "", "单位：万元"],
      ["项目", "2021年决算数", "2022年预算数", "增减额", "增减率"],
      ["合计", 20.12, 21.8, 1.68, 8.35],
      ["1.因公出国（境）费", 0, 0, 0, ""],
      ["2.公务接待费", 12.39, 11.8, -0.58, -4.68],
      ["3.公务用车购置及运行费", 7.73, 10, 2.27, 29.37],
      ["其中：公务用车购置费", 0, 0, 0, ""],
      ["公务用车运行费", 7.73, 10, 2.27, 29.37],
    ]),
  };
}

/**
 * 云南昌宁县卡斯镇's 2024 “三公”经费预算财政拨款情况统计表 (万元), as published: 2023年 | 2024年 |
 * 比上年增、减情况 over 增、减金额 | 增、减幅度, rates typed as 22% and 133%, blanks for what is not
 * budgeted and for an unchanged line's 增减 (公务用车购置及运行费), 0 and 0 for another's.
 */
export function kasi2024Sangong(): PublishedTable {
  return {
    source: "https://yncn.gov.cn/info/3720/9210120.htm",
    grid: grid(
      "三公经费",
      [
        ["2024年昌宁县卡斯镇“三公”经费预算财政拨款情况统计表"],
        ["", "", "", "", "单位：万元"],
        ["项目", "2023年预算数", "2024年预算数", "比上年增、减情况", ""],
        ["", "", "", "增、减金额", "增、减幅度"],
        ["合计", 18.15, 22.15, 4, "22%"],
        ["1.因公出国（境）费", "", "", "", ""],
        ["2.公务接待费", 3, 7, 4, "133%"],
        ["3.公务用车购置及运行费", 15.15, 15.15, "", ""],
        ["其中：（1）公务用车购置费", "", "", "", ""],
        ["（2）公务用车运行费", 15.15, 15.15, 0, 0],
      ],
      [
        { top: 3, bottom: 4, left: 1, right: 1 },
        { top: 3, bottom: 4, left: 2, right: 2 },
        { top: 3, bottom: 4, left: 3, right: 3 },
        { top: 3, bottom: 3, left: 4, right: 5 },
      ]
    ),
  };
}

/**
 * 安徽池州 皖江江南新兴产业集中区's 2024 一般公共预算“三公”经费支出预算表 (万元), as published: the
 * items are columns (“三公”经费合计 | 因公出国（境）费 | 公务用车购置及运行费 › 小计 | 购置费 | 运行费 |
 * 公务接待费) over one row of figures.
 */
export function wanjiang2024Sangong(): PublishedTable {
  return {
    source: "https://jnjzq.chizhou.gov.cn/OpennessContent/show/1512923.html",
    grid: grid(
      "三公经费",
      [
        ["2024年一般公共预算“三公”经费支出预算表"],
        ["", "", "", "", "", "单位：万元"],
        ["“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费", "", "", "公务接待费"],
        ["", "", "小计", "公务用车购置费", "公务用车运行费", ""],
        [328.7, 10, 78.7, 43, 35.7, 240],
      ],
      [
        { top: 3, bottom: 4, left: 1, right: 1 },
        { top: 3, bottom: 4, left: 2, right: 2 },
        { top: 3, bottom: 3, left: 3, right: 5 },
        { top: 3, bottom: 4, left: 6, right: 6 },
      ]
    ),
  };
}

/**
 * 广西百色 市本级's 2024 一般公共预算“三公”经费 against 2023 (万元), figures as its page states them
 * (3,923, 比2023年预算数减少332万元, 下降7.81%; each item's 2024 figure and change), drawn as a
 * 2023年预算数 | 2024年预算数 | 增减额 | 增减率 table.
 */
export function baise2024Sangong(): PublishedTable {
  return {
    source: "http://czj.baise.gov.cn/czyjsgkpt/czzxzjjsgjf/sgjf/t17993350.shtml",
    grid: grid("三公经费", [
      ["2024年市本级一般公共预算“三公”经费支出预算表"],
      ["", "", "", "", "单位：万元"],
      ["项目", "2023年预算数", "2024年预算数", "增减额", "增减率（%）"],
      ["合计", 4255, 3923, -332, -7.81],
      ["1.因公出国（境）费", 38, 62, 24, 63.16],
      ["2.公务用车购置及运行维护费", 3262, 3223, -39, -1.2],
      ["其中：公务用车购置费", 583, 718, 135, 23.16],
      ["公务用车运行维护费", 2679, 2505, -174, -6.5],
      ["3.公务接待费", 955, 638, -317, -33.19],
    ]),
  };
}
