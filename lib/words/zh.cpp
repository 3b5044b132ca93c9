// The words of the views in Chinese.

#include "words/tables.hpp"

namespace commplan {

extern const Words kChinese{
    .weekdays = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"},
    .weekdays_short = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"},
    .weekdays_long = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"},
    .dates =
        {
            .long_date = "{year}年{month}月{day}日（{weekday}）",
            .short_date = "{month}月{day}日",
            .day_with_weekday = "{month}月{day}日，{weekday}",
        },
    .separators =
        {
            .list = "、",
            .clause = "；",
            .comma = "，",
            .colon = "：",
            .sentence_end = "。",
            .and_list = "、",
            .and_last = "和",
        },
    .to_confirm = "待确认",
    .plan =
        {
            .meeting_names = {"项目启动会", "每日复盘", "阶段复盘", "项目总结汇报"},
            .meeting_names_in_text = {"项目启动会", "每日复盘", "阶段复盘", "项目总结汇报"},
            .purposes =
                {
                    "再次确认服务范围和期望，商定工作方式和配合事项，明确对接人，约定{daily}。",
                    "沟通当天发现的问题和初步建议，便于及时反馈，并确认需要配合的事项。",
                    "对照评估依据，讲清本阶段的主要问题和每个问题的整改建议，并听取意见。",
                    "按正式报告的结构完整、详细地汇报：评估依据、全部问题及整改建议和负责人、遗留"
                    "事项；确认后续安排。",
                },
            .outputs =
                {
                    "确认的范围和期望、明确的对接人、双方认可的执行计划和{daily}时间。",
                    "双方了解当天发现的问题；需要的支持和待解答的问题都有人跟进。",
                    "收集到对每个主要问题和整改建议的意见，用于完善正式报告。",
                    "双方对问题、整改建议和负责人达成一致；明确遗留事项和正式报告的提交时间。",
                },
            .kickoff_agenda =
                {
                    "相互介绍：我方人员及各自职责，再请客户介绍参与人员",
                    "服务范围：本次针对的需求，有没有疑问",
                    "客户的期望、目标和特殊要求",
                    "执行方式，以及需要客户配合的事项",
                    "执行计划：各时间段的安排，有哪些需要注意的事项",
                    "客户方的对接人",
                    "每天结束前做简短复盘；有任何问题随时沟通",
                },
            .daily_agenda =
                {
                    "当天发现的问题和初步建议",
                    "需要客户提供的支持",
                    "待确认的问题",
                    "下一个工作日的安排",
                },
            .phase_agenda =
                {
                    "评估依据",
                    "主要问题",
                    "逐个问题的整改建议",
                    "听取客户意见",
                },
            .final_agenda =
                {
                    "评估依据",
                    "全部问题（按阶段和严重程度）",
                    "整改建议和负责人",
                    "遗留事项和后续安排",
                    "听取客户意见",
                },
            .method_questions =
                {
                    "你们平时是如何开展日常操作的？",
                    "管理制度是如何设置的？由谁制定？",
                    "你们认为在日常管理和操作中遇到的问题有哪些？哪些影响比较大？",
                    "你们希望在哪些地方尽快得到改善？",
                },
            .every_day = "每天",
            .day_range = "{}至{}",
            .every_workday = "每个工作日",
            .last_workday_of_each_phase = "每个阶段的最后一个工作日",
            .within_hours = "{} 小时内",
            .with_role = "{}（{}）",
            .includes = "含{}",
            .includes_daily = "当天的{}",
            .includes_phase = "“{phase}”{recap}",
            .gantt_phases = "阶段",
            .gantt_meetings = "会议",
            .gantt_milestone = "“{}”{}",
        },
    .calendar =
        {
            .agenda = "议程：",
            .output = "预期成果：",
            .attendees = "参会人：",
            .project = "项目：",
            .client = "客户：",
        },
    .timeline =
        {
            .title = "{project}进度安排",
            .phases = "阶段",
            .meetings = "会议",
            .rest_day = "休息日",
            .holiday = "节假日",
        },
    .matrix =
        {
            .contact =
                {
                    .audience = "客户对接人",
                    .what = "当天发现的问题和初步建议、需要的支持、待确认的问题",
                    .why = "便于及时反馈，正式报告中的每个问题事先都已沟通",
                    .how = "{daily}；紧急问题随时电话沟通",
                },
            .management =
                {
                    .audience = "客户管理层和项目发起人",
                    .what = "阶段成果：评估依据、主要问题和整改建议；项目结束时的完整结果",
                    .why = "在撰写正式报告前听取对整改建议的意见和决定",
                    .how = "{phase}和{final}",
                },
            .client_team =
                {
                    .audience = "客户团队",
                    .what = "{kickoff}上：范围、计划和什么事找谁；执行中：访谈日常运作方式和希望改"
                            "善之处",
                    .why =
                        "让每个人知道遇到什么事找谁、发现的问题会影响到谁；了解现场日常的运作方式",
                    .how = "{kickoff}；现场访谈和走查",
                },
            .our_team =
                {
                    .audience = "我方团队",
                    .what = "当天发现的问题、客户的意见和下一个工作日的安排",
                    .why = "对外口径一致；发现的问题当天提出",
                    .how = "{daily}前的内部碰头",
                },
            .escalation =
                {
                    .audience = "升级联系人",
                    .what = "超出对接人决策范围的风险和突发问题",
                    .why = "重大问题及时上报给有决策权的人",
                    .how = "先电话沟通，再发简短的书面说明",
                },
            .contact_often = "每个工作日 {time}，{minutes} 分钟",
            .management_often = "每个阶段结束时（共 {phases} 次{recap}），{day} {final}",
            .client_team_often = "{day} {kickoff}；执行阶段按需访谈",
            .one_another = "互为备岗",
            .level_within = "第 {level} 级（{hours} 小时内）",
            .level_untimed = "第 {level} 级（时限待确认）",
            .escalation_often = "出现问题时：{}",
        },
    .kickoff =
        {
            .titles =
                {
                    "相互介绍",
                    "确认服务范围",
                    "期望、目标与特殊要求",
                    "执行方式与配合事项",
                    "执行计划",
                    "确定对接人",
                    "每日反馈安排",
                },
            .questions =
                {
                    "也请贵方介绍一下参与项目的同事：各自负责什么，遇到哪类问题该找谁？",
                    "对于这些内容，大家有没有疑问？",
                    "对于本次服务，贵方的期望是什么？希望实现哪些目标？",
                    "对于我们的执行方式和需要贵方配合的事项，大家有什么问题吗？",
                    "对于这个计划，大家有什么问题吗？执行时有哪些需要我们特别注意的事项？",
                    "贵方现场配合的对接人是哪位？日常的需求、协调事项和每日反馈由谁来对接？",
                    "这个时间大家方便吗？需要哪些同事参加？",
                },
            .contact_confirm_question =
                "以后日常的需求、协调事项和每日反馈都找这位同事对接，可以吗？这位同事不在时由谁替"
                "代？",
            .scope_open_question = "这次服务具体要解决贵方哪些需求？",
            .plan_open_question =
                "各项工作安排在哪些时间段比较合适？执行时有哪些需要我们特别注意的事项？",
            .special_question = "还有没有什么特殊的要求？",
        },
    .recap =
        {
            .severities = {"严重", "高", "中", "低", "提示"},
            .unrated = "未定级",
            .severities_in_text = {"严重", "高", "中", "低", "提示"},
            .unrated_in_text = "未定级",
            .statuses = {"待处理", "已认可", "处理中", "已解决", "已验证", "暂不处理"},
            .status_unset = "未设置",
            .no_phase = "未归入阶段",
            .daily_questions =
                {
                    "今天发现的问题和您了解的情况一致吗？有没有说错或者漏掉的？",
                    "明天的工作有没有需要特别关注、或者需要避开的地方？",
                },
            .next_workday_question = "下一工作日（{}）的工作有没有需要特别关注、或者需要避开的"
                                     "地方？",
            .last_workday_question = "项目结束后，还有哪些需要我们跟进的事项？",
            .daily_support_question = "需要的支持能否安排？由谁对接，什么时候能到位？",
            .phase_questions =
                {
                    "这些问题和您日常掌握的情况一致吗？有没有遗漏，或者严重程度定得偏高、偏低的？",
                    "每条建议在预算、时间和人手上是否可行？",
                    "哪些建议落地会有困难？难在哪里？有没有更适合贵方的做法？",
                    "正式报告里您希望重点讲清楚哪些内容？报告主要给谁看？",
                },
            .final_questions =
                {
                    "这份总结和您对整个项目的了解一致吗？有没有遗漏或者说重了的地方？",
                    "哪些未关闭的问题需要管理层拍板？由谁负责跟进？",
                    "您打算先落实哪几条建议？可能会遇到什么阻力？",
                    "正式报告发出之前，还有哪些地方需要我们修改或者重点说明？",
                },
            .notice_states = {"已按时通报", "超时通报", "待通报", "已超时未通报"},
        },
    .five_w2h =
        {
            .labels = {"目的", "内容", "对象", "时机", "地点", "方式", "程度"},
            .questions =
                {
                    "为什么沟通？沟通的目的是什么？",
                    "需要明确哪些内容？重点是什么？",
                    "沟通的对象是谁？是什么角色？",
                    "什么时间沟通？有没有合适或者不合适的时间？",
                    "在哪里沟通？有没有合适或不合适的地点？",
                    "采用什么样的沟通方式？强硬、委婉，还是其他方式？",
                    "沟通到什么程度合适？这次拿到什么结果就够了？",
                },
            .intro = "请逐项回答，每项一行；直接回车表示暂不填写。",
            .topic_prompt = "主题：这次沟通要谈什么？",
            .yaml_note = "把下面的条目粘贴到项目文件的 communications 列表中。",
        },
    .minutes = {.sides = {"我方", "客户方", "其他"}},
    .mail =
        {
            .kickoff = "【{meeting}】{project} {date}",
            .daily = "【{meeting}】{project} {date}",
            .phase = "【{meeting}】{project} - {phase} {date}",
            .final = "【{meeting}】{project} {date}",
            .minutes = "【会议纪要】{project} - {meeting} {date}",
            .plan = "【沟通计划】{project}",
            .five_w2h = "【5W2H 沟通清单】{project}",
        },
    .register_ =
        {
            .columns = {"编号",     "问题",     "严重程度", "状态",     "CVSS 向量", "CVSS 评分",
                        "CWE",      "阶段",     "发现日期", "整改期限", "负责人",    "影响资产",
                        "依据标准", "证据",     "影响",     "整改建议", "参考资料",  "客户意见",
                        "复测日期", "复测结果", "复测说明", "指纹"},
            .retest_results = {"通过", "未通过", "部分修复"},
            .cvss_ratings = {"无", "低危", "中危", "高危", "严重"},
            .sheet_findings = "问题清单",
            .sheet_summary = "统计",
            .total = "合计",
            .summary_open = "未关闭",
            .summary_closed = "已关闭",
            .summary_count = "问题数",
            .truncated = "超出表格单元格 32,767 个字符的上限，已截断；全文见项目文件。",
        },
};

}  // namespace commplan
