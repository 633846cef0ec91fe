# Meridian 客服回复模板 — 简体中文（称“您”）。
# 与 en.ftl 的消息 ID 和变量完全相同；所有事实均来自变量。

## 称呼与落款

greeting = { $name }，您好！
closing =
    祝您生活愉快！
    { $store } 客服 { $agent }

## 物流查询

track-in-transit = 您的订单 { $order } 正由 { $carrier } 配送中（运单号：{ $tracking }）。最近一次扫描记录于{ $when }，地点为 { $place }，预计将于{ $eta }前送达。
track-delivered = 据承运商信息，您的订单 { $order } 已于{ $when }送达 { $place }。
track-not-shipped = 您于{ $placed }提交的订单 { $order } 正在备货中，尚未从我们的仓库发出。发货后，我们会第一时间通过电子邮件将运单号发送给您。
track-customs = 您的订单 { $order } 的包裹自{ $when }起被 { $place } 海关暂扣。清关通常需要几天时间。
track-failed-attempt = 承运商于{ $when }尝试在 { $place } 派送您的订单 { $order }，但当时无人接收。快递员已留下通知单，上面注明了下次派送或自取地点的相关信息。
track-late = 我们曾承诺在{ $promised }前送达，但承运商目前预计的送达时间为{ $eta }。对于此次延误，我们深表歉意。
track-no-eta = 承运商尚未提供新的送达日期，我们正在积极跟进。
ask-order-number = 我们未能根据您的留言找到对应的订单。麻烦您回复一下订单号（可在订单确认邮件中找到），以便我们尽快为您查询。
data-stale = 我们目前掌握的最新物流信息更新于{ $updated }，已向承运商索取最新信息。

## 配送时效

delivery-period-order = 您的订单 { $order } 预计将于{ $eta }前送达。
delivery-period-general = 发货后通常需要 { $min }–{ $max } 个工作日送达。
missing-delivered = 承运商 { $carrier } 显示您的订单 { $order }（运单号：{ $tracking }）已于{ $when }在 { $place } 标记为已送达。请您查看一下信箱，问问邻居，或到前台、约定的安全存放点找一找。如 48 小时内仍未找到，请直接回复本邮件，我们将向承运商发起调查。

## 退货与退款

return-window = 订单 { $order } 中的商品可在送达后 { $days } 天内退货，即截至{ $deadline }。
return-eu-right = 此外，在欧盟境内您还依法享有 { $days } 天的撤回权。
return-steps =
    1. 回复本邮件，告知您要退回的商品及退货原因。
    2. 我们会将退货标签和操作说明发送给您。
    3. 请将未使用的商品连同原吊牌和原包装一起寄回。我们收到退货后即为您退款。
refund-how = 订单 { $order } 的退款 { $amount } 将在审核通过后 { $days } 个工作日内原路退回至您的支付账户。
refund-status = 订单 { $order } 的退款 { $amount } 已于{ $when }发起。银行入账可能需要几个工作日。
refund-policy = 退货政策简述：商品送达后 { $days } 天内可申请退货，须保持未使用状态且吊牌完好；退款将原路退回至您的支付方式。

## 订单修改

cancel-possible = 您的订单 { $order } 尚未发货，因此可以取消。我们的同事正在为您确认取消，完成后您会收到邮件通知。
cancel-shipped = 您的订单 { $order } 已交由 { $carrier } 发出，很抱歉已无法取消。收到包裹后，您可以申请退货。
address-possible = 您的订单 { $order } 尚未发货，因此可以修改收货地址。请回复完整的新地址（街道、门牌号、邮编、城市、国家及电话），我们的同事会在发货前为您更新。
address-shipped = 您的订单 { $order } 已交由 { $carrier } 承运（运单号：{ $tracking }），因此地址只能直接联系承运商修改。

## 售后问题

damaged = 非常抱歉，您订单 { $order } 中的“{ $product }”到货时出现破损或与所订商品不符。麻烦您拍一张商品和外包装的照片发给我们，以便我们为您安排换货或退款。
customs = 寄往{ $country }的包裹（包括您的订单 { $order }）在派送时需由收件人缴纳海关征收的进口关税和税费。具体金额将由承运商告知，缴纳后包裹即可放行。
generic-ack = 感谢您的来信！我们正在处理，会尽快回复您。

## 格式

# 传入 $year 但不显示。$month 为 month-N 的“11月”形式。
date-format = { $month }{ $day }日（{ $weekday }）
time-format = { $hour }:{ $minute }
datetime-format = { $date } { $time }

month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

weekday-1 = 星期一
weekday-2 = 星期二
weekday-3 = 星期三
weekday-4 = 星期四
weekday-5 = 星期五
weekday-6 = 星期六
weekday-7 = 星期日

money-format = { $symbol }{ $amount }
decimal-separator = .
group-separator = ,
