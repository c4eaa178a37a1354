//! The `--help` texts, in Chinese and English.

/// 中文用法.
pub const ZH: &str = "shuangsuiji：双随机、一公开抽查的命令行

用法：
  shuangsuiji ops
      从标准输入逐行读取 JSON 操作 {\"op\", \"input\", \"id\"}，逐行输出结果（供其他平台调用）
  shuangsuiji check enterprises|inspectors|history|outcomes 文件
      列出企业名录、检查人员名录、检查记录或某部门检查结果文件的全部问题（行、列）
  shuangsuiji eligibility --request 请求.json --catalog 事项清单 --roster 企业名录 [--history 检查记录]
                          [-o 报告.json] [--csv 名单.csv] [--xlsx 名单.xlsx]
      判定每个检查事项的抽查对象及排除原因；无 -o 时报告输出到标准输出
  shuangsuiji plan --report 报告.json --catalog 事项清单 --inspectors 检查人员名录 --meta 计划信息.json --dir 工作文件夹
      提交抽查计划（抽取前公布计划哈希），写入工作文件夹
  shuangsuiji ceremony secret
      由操作系统生成 32 字节随机秘密值（参与方自行保管，抽取后揭示）
  shuangsuiji ceremony commit --party 参与方 --secret 64位十六进制秘密值
      计算参与方的承诺值（写入计划信息）
  shuangsuiji ceremony beacon --dir 工作文件夹 --source 信标 --value 开奖号码
  shuangsuiji ceremony reveal --dir 工作文件夹 --party 参与方 --secret 秘密值
  shuangsuiji ceremony seed --dir 工作文件夹
      记录公开信标、揭示秘密值（与承诺核对）、生成种子
  shuangsuiji draw --dir 工作文件夹
      按种子抽取，写入结果与日志
  shuangsuiji publish --dir 工作文件夹 --out 公示文件夹
      写出公示文件夹：plan.json、plan.hash、log.json、log.head、result.json、eligible.json、catalog.json、receipts/（已登记公示时另有 outcomes.json、disclosure.json）
  shuangsuiji verify 公示文件夹
      从公示文件重新计算并核对抽取结果和全部回执；有 outcomes.json、disclosure.json 时一并核对公示名单
  shuangsuiji teams --result result.json --roster 企业名录 --inspectors 检查人员名录 [--history 检查记录]
                    --staffing 组队要求.json [-o 检查组.json]
      组建联合检查组
  shuangsuiji deadline 期限类别 日期
      按全国工作日历计算执法期限（如 result_publication 2024-09-27）
  shuangsuiji substitute --dir 工作文件夹 --requests 替补申请.json
      抽中企业无法检查（注销、吊销、停业、无法联系等）时按计划替补：生成新版抽取结果，日志新增替补记录（之后重新 publish）
  shuangsuiji workplan --request 方案信息.json --catalog 事项清单 --roster 企业名录 --inspectors 检查人员名录
                       --result result.json --teams 检查组.json [--routes 路线.json] [-o 工作方案.json]
      生成具体工作方案：参与部门、检查内容、检查时间（工作日）、检查组每日路线；无 --routes 时用检查组的路线
  shuangsuiji outcomes --dir 工作文件夹 --teams 检查组.json --records 检查结果.xlsx --from 首日 --to 末日
                       [--min-certified 人数] [--csv 检查结果.csv] [--xlsx 检查结果.xlsx]
      登记某部门的检查结果（CSV、xlsx 每个检查事项一行，或 JSON；与抽取结果、检查组、检查时间核对，全部通过才登记），写入 outcomes.json 并提交至日志
  shuangsuiji disclose --dir 工作文件夹 --as-of 日期 [--csv 公示.csv] [--xlsx 公示.xlsx] [--completeness 齐全性.json]
      生成截至该日的检查结果公示名单（disclosure.json）及各部门公示齐全情况；之后重新 publish、verify

通用选项：--json 机器可读输出（错误为一行 {\"error\": …}）；--lang zh|en 语言（默认按 LC_ALL、LC_MESSAGES、LANG 中第一个已设置的：zh 开头、未设置、C 或 POSIX 为中文，其他语言为英文）；-h, --help 本帮助
退出码：0 成功；2 用法或文件读写错误；10–22 按错误类别（input 10、validation 11、rules 12、draw 13、verify 14、team 15、enforcement 16、limit 17、internal 18、outcome 20、profile 21、service 22；19 为未知类别）";

/// English usage.
pub const EN: &str = "shuangsuiji: the command line of 双随机、一公开 joint spot checks

usage:
  shuangsuiji ops
      JSON operations {\"op\", \"input\", \"id\"} one per line on stdin, one answer per line on stdout (for other platforms)
  shuangsuiji check enterprises|inspectors|history|outcomes FILE
      every problem of an enterprise roster, inspector list, history file or a department's results sheet (row, column)
  shuangsuiji eligibility --request REQUEST.json --catalog CATALOG --roster ROSTER [--history HISTORY]
                          [-o REPORT.json] [--csv LIST.csv] [--xlsx LIST.xlsx]
      who may be drawn for each item, and why the others may not; the report on stdout without -o
  shuangsuiji plan --report REPORT.json --catalog CATALOG --inspectors INSPECTORS --meta META.json --dir WORK
      commits the plan (publish its hash before the draw) into the work folder
  shuangsuiji ceremony secret
      32 random bytes from the operating system (the party keeps it and reveals it after the beacon)
  shuangsuiji ceremony commit --party PARTY --secret HEX64
      a party's commitment (for META.json)
  shuangsuiji ceremony beacon --dir WORK --source SOURCE --value NUMBERS
  shuangsuiji ceremony reveal --dir WORK --party PARTY --secret HEX64
  shuangsuiji ceremony seed --dir WORK
      records the public beacon, the reveals (checked against the commitments), derives the seed
  shuangsuiji draw --dir WORK
      draws with the seed; writes the result and the log
  shuangsuiji publish --dir WORK --out FOLDER
      writes the publication folder: plan.json, plan.hash, log.json, log.head, result.json, eligible.json, catalog.json, receipts/ (and outcomes.json, disclosure.json once disclosed)
  shuangsuiji verify FOLDER
      recomputes the draw from the published files and checks every receipt; with outcomes.json and disclosure.json also the 公示 list
  shuangsuiji teams --result result.json --roster ROSTER --inspectors INSPECTORS [--history HISTORY]
                    --staffing STAFFING.json [-o TEAMS.json]
      joint inspection teams
  shuangsuiji deadline KIND DATE
      an enforcement deadline on the national working-day calendar (e.g. result_publication 2024-09-27)
  shuangsuiji substitute --dir WORK --requests REQUESTS.json
      replaces drawn enterprises that cannot be checked (deregistered, revoked, suspended, unreachable …) as the plan says: a new result revision and its log entries (then publish again)
  shuangsuiji workplan --request WORKPLAN.json --catalog CATALOG --roster ROSTER --inspectors INSPECTORS
                       --result result.json --teams TEAMS.json [--routes ROUTES.json] [-o PLAN.json]
      the work plan: departments, items, the check window in working days, each team's day routes (the teams' routes without --routes)
  shuangsuiji outcomes --dir WORK --teams TEAMS.json --records RESULTS.xlsx --from FIRST --to LAST
                       [--min-certified N] [--csv RESULTS.csv] [--xlsx RESULTS.xlsx]
      records a department's results (CSV or xlsx, one row per item checked, or JSON; checked against the draw, the teams and the window; all or nothing) into outcomes.json and commits them to the log
  shuangsuiji disclose --dir WORK --as-of DATE [--csv LIST.csv] [--xlsx LIST.xlsx] [--completeness REPORT.json]
      the 公示 list of the results as of the date (disclosure.json) and what each department still owes; then publish and verify again

options: --json machine output (errors as one line {\"error\": …}); --lang zh|en (default from the first of LC_ALL, LC_MESSAGES, LANG that is set: Chinese for zh*, unset, C or POSIX; English for any other language); -h, --help this text
exit codes: 0 success; 2 usage or file read/write error; 10-22 by error family (input 10, validation 11, rules 12, draw 13, verify 14, team 15, enforcement 16, limit 17, internal 18, outcome 20, profile 21, service 22; 19 a family unknown here)";
