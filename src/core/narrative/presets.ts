/**
 * The paragraphs clerks write, as templates (see template.ts), modelled on real 工作总结: the
 * township office's year, a member's own 履职 summary, a quarter or half-year, and proposal handling.
 * Each figure sits in its own […] so a category or measure without data is left out.
 */
export type PresetId = 'township' | 'member' | 'period' | 'proposals';

export const PRESET_IDS: readonly PresetId[] = ['township', 'member', 'period', 'proposals'];

export const PRESET_TEMPLATES: Record<PresetId, string> = {
  township:
    '{期间}，全镇政协委员围绕中心、服务大局，积极履职尽责。' +
    '[深入基层开展走访{走访.count}次][，{走访.count.同比}][，走访群众{走访.people}人次][，上户{走访.households}户]' +
    '[，送政策、法规、技术等宣传资料{走访.items}份]；' +
    '[举办各类培训{培训.count}期][，{培训.count.同比}][，培训{培训.people}人次]；' +
    '[组织委员视察{视察.count}次]；[开展专题调研{调研.count}次]；[召开协商座谈会议{会议.count}次]；' +
    '[组织委员集中学习{学习.count}次]；' +
    '[提交提案{提案.count}件][，已办结{提案.done}件，办结率{提案.办结率}%][，{提案.办理结果}]；' +
    '[推动落实各类项目资金{资金.amount}万元][，{资金.amount.同比}]；' +
    '[开展公益活动{公益.count}次][，捐款捐物{公益.amount}万元]；' +
    '[报送社情民意信息{社情民意.count}条]；[{其他}]。',
  member:
    '{期间}，本人认真履行政协委员职责，' +
    '[参加走访{走访.count}次][，走访群众{走访.people}人次][，上户{走访.households}户]' +
    '[，送政策、法规、技术等宣传资料{走访.items}份]；' +
    '[参加培训{培训.count}期]；[参加视察{视察.count}次]；[参加调研{调研.count}次]；' +
    '[参加会议{会议.count}次]；[参加集中学习{学习.count}次]；' +
    '[共提交提案{提案.count}件][，其中已办结{提案.done}件][，{提案.办理结果}]；' +
    '[参与公益活动{公益.count}次][，捐款捐物{公益.amount}万元]；' +
    '[报送社情民意信息{社情民意.count}条]；[{其他}]。',
  period:
    '{期间}，政协各项工作有序推进。' +
    '[开展走访{走访.count}次][，走访群众{走访.people}人次][，上户{走访.households}户]；' +
    '[举办培训{培训.count}期][，培训{培训.people}人次]；' +
    '[组织委员视察{视察.count}次]；[开展专题调研{调研.count}次]；[召开会议{会议.count}次]；' +
    '[收到提案{提案.count}件][，已办结{提案.done}件]；' +
    '[落实项目资金{资金.amount}万元]；[{其他}]。',
  proposals:
    '{期间}，共收到委员提案{提案.count}件' +
    '[，其中立案{提案.accepted}件，立案率{提案.立案率}%]' +
    '[，已答复{提案.answered}件，办复率{提案.办复率}%]' +
    '[，已办结{提案.done}件，办结率{提案.办结率}%][，{提案.办结率.同比}]' +
    '[；在已答复的{提案.answered}件中，委员表示满意或基本满意的{提案.satisfied}件，满意率{提案.满意率}%]' +
    '[，{提案.办理结果}]。',
};
