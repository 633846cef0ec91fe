# Meridian 桌面界面 — 简体中文（中国）。消息 id 必须与 en-US 完全一致。

## App chrome

app-name = Meridian
app-loading = 正在启动 Meridian…
search-label = 搜索会话
search-placeholder = 搜索消息、订单号、运单号…
locale-label = 界面语言
help-button = 键盘快捷键
pane-inbox = 收件箱
pane-thread = 会话
pane-context = 客户、订单与物流

## Filters

filter-status-label = 状态
filter-language-label = 语言
filter-channel-label = 渠道
filter-intent-label = 意图
filter-any-status = 全部状态
filter-any-language = 全部语言
filter-any-channel = 全部渠道
filter-any-intent = 全部意图
filter-option = { $label }（{ $count }）

## Conversation status

status-open = 待处理
status-waiting = 等待客户回复
status-autopilot = 自动处理
status-escalated = 已升级
status-snoozed = 已暂缓
status-closed = 已关闭

## Channels

channel-email = 邮件
channel-amazon_messaging = 亚马逊买家消息
channel-chat = 在线聊天

## Priorities

priority-low = 低优先级
priority-normal = 普通优先级
priority-high = 高优先级
priority-urgent = 紧急

## Intents

intent-none = 未分类
intent-track_order = 查询订单物流
intent-track_refund = 查询退款进度
intent-delivery_period = 配送时效
intent-delivery_options = 配送方式
intent-check_refund_policy = 退款政策
intent-check_cancellation_fee = 取消费用
intent-check_payment_methods = 支付方式
intent-check_invoice = 核对发票
intent-get_invoice = 索取发票
intent-create_account = 注册账户
intent-edit_account = 修改账户
intent-recover_password = 找回密码
intent-registration_problems = 注册问题
intent-switch_account = 切换账户
intent-newsletter_subscription = 邮件订阅
intent-set_up_shipping_address = 设置收货地址
intent-place_order = 下单咨询
intent-review = 评价与反馈
intent-contact_customer_service = 联系客服
intent-customs_duties = 海关与关税
intent-cancel_order = 取消订单
intent-change_order = 修改订单
intent-change_shipping_address = 修改收货地址
intent-get_refund = 申请退款
intent-return_item = 退货
intent-damaged_or_wrong_item = 商品损坏或错发
intent-missing_package = 包裹丢失
intent-payment_issue = 支付问题
intent-delete_account = 注销账户
intent-product_question = 商品咨询
intent-other = 其他
intent-complaint = 投诉
intent-contact_human_agent = 要求人工客服
intent-dispute = 争议或拒付
intent-privacy_request = 隐私请求

## Platforms

platform-shopify = Shopify
platform-amazon = 亚马逊
platform-woocommerce = WooCommerce

## Payment (financial) status

financial-pending = 待付款
financial-authorized = 已授权
financial-paid = 已付款
financial-partially_paid = 部分付款
financial-partially_refunded = 部分退款
financial-refunded = 已退款
financial-voided = 已作废
financial-expired = 付款已过期

## Fulfilment status

fulfillment-unfulfilled = 未发货
fulfillment-in_progress = 处理中
fulfillment-on_hold = 暂停处理
fulfillment-scheduled = 已排期
fulfillment-partially_fulfilled = 部分发货
fulfillment-fulfilled = 已发货
fulfillment-cancelled = 已取消

## Shipment status

shipment-status-pending = 待处理
shipment-status-info_received = 已创建面单
shipment-status-in_transit = 运输中
shipment-status-customs = 清关中
shipment-status-out_for_delivery = 派送中
shipment-status-available_for_pickup = 待自提
shipment-status-delivered = 已签收
shipment-status-failed_attempt = 投递失败
shipment-status-exception = 异常
shipment-status-returned = 已退回
shipment-status-expired = 跟踪已过期

## Carriers (brand names stay as the carrier writes them)

carrier-ups = UPS
carrier-usps = USPS
carrier-fedex = FedEx
carrier-dhl = DHL Express
carrier-china_post = 中国邮政
carrier-yunexpress = 云途物流
carrier-post = 邮政
carrier-other = 其他承运商

## Assist actions on a draft

action-autopilot = 可自动发送
action-approve = 需要审核
action-escalate = 已转人工

## Customer identities

identity-email = 邮箱
identity-amazon_alias = 亚马逊匿名邮箱
identity-phone = 电话
identity-platform_id = 平台 ID

## Relative time and durations

time-just-now = 刚刚
time-minutes-ago = { $count } 分钟前
time-hours-ago = { $count } 小时前
time-yesterday = 昨天
time-days-ago = { $count } 天前
duration-minutes = { $minutes } 分钟
duration-hours = { $hours } 小时 { $minutes } 分钟
duration-days = { $days } 天
updated-ago = { $ago }更新

## Inbox

inbox-count = { $count } 个会话
inbox-count-more = { $count }+ 个会话
inbox-loading = 正在加载会话…
inbox-loading-more = 正在加载更多…
inbox-load-more = 加载更多
inbox-empty = 没有符合条件的会话。
inbox-empty-hint = 请换个关键词，或清除筛选条件。
inbox-clear-filters = 清除筛选
inbox-end = 已全部加载。
inbox-assigned = 负责人：{ $name }
inbox-unassigned = 未分配
sla-due-in = { $duration } 后到期
sla-overdue = 已超时 { $duration }

## Thread

thread-none = 选择一个会话以查看内容。
thread-loading = 正在加载会话…
thread-customer-now = 客户当地时间 { $time }（{ $zone }）
thread-customer-zone-unknown = 客户时区未知
thread-store = { $store } · { $platform }
thread-messages = { $count } 条消息
message-note = 内部备注
message-outbound = 回复
message-inbound = 客户
message-times = { $agent } · 客户当地 { $customer }（{ $zone }）

## Reply box

reply-label = 回复 { $name }
reply-placeholder = 用{ $language }撰写回复…
reply-send = 发送
reply-sending = 正在发送…
reply-hint = { $send } 发送 · Esc 返回收件箱
reply-saving = 正在保存草稿…
reply-saved = 草稿已保存
reply-sent = 回复已排队：撤销时限结束后发出
reply-assist = 智能助手：{ $action }
reply-assist-reason = 智能助手：{ $action } — { $reason }

## Customer card

customer-title = 客户
customer-country = 国家/地区
customer-language = 语言
customer-local-time = 当地时间
customer-time-zone = 时区
customer-tz-unknown = 未知
customer-tz-source =
    { $source ->
        [address] 依据收货地址
        [phone] 依据电话号码
        [agent] 由客服设置
       *[other] 来源：{ $source }
    }
customer-since = 注册于 { $date }
customer-contacts = 联系方式

## Orders

order-title = 订单
orders-other = 其他 { $count } 个订单
order-none = 该客户没有关联订单。
order-created = 下单于 { $date }
order-cancelled = 取消于 { $date }
order-items = 商品
order-unit-price = 单价 { $price }
order-subtotal = 小计
order-shipping = 运费
order-tax = 税费
order-total = 合计
order-ship-to = 收货地址
order-no-address = 无收货地址
order-source = 来源：{ $source }
order-show = 查看订单 { $number }

## Logistics

logistics-title = 物流
logistics-none = 该订单暂无包裹。
logistics-no-order = 选择一个订单以查看其包裹。
shipment-tracking = 运单号
shipment-shipped = 发货
shipment-promised = 承诺送达
shipment-expected = 预计送达
shipment-delivered = 签收
shipment-late = 延误
shipment-late-by = 比承诺晚 { $days } 天
shipment-events = 物流轨迹
shipment-no-events = 暂无承运商扫描记录。
shipment-event-local = 当地 { $time }（{ $zone }）
shipment-event-agent = 你的时间 { $time }
copy = 复制
copied = 已复制

## Status bar

statusbar-store = 数据库：{ $location }
statusbar-conversations = { $count } 个会话
statusbar-messages = { $count } 条消息
statusbar-orders = { $count } 个订单
statusbar-shipments = { $count } 个包裹
statusbar-customers = { $count } 位客户
statusbar-languages = { $count } 种语言
statusbar-countries = { $count } 个国家/地区
statusbar-agent = { $name } · { $zone }

## Keyboard help

help-title = 键盘快捷键
help-close = 关闭
help-next = 下一个会话
help-prev = 上一个会话
help-open = 打开选中的会话
help-reply = 撰写回复
help-send = 发送回复
help-leave = 离开回复框，返回收件箱
help-search = 搜索
help-panes = 切换到收件箱、会话或客户面板
help-toggle = 显示或隐藏此帮助
help-ime = 输入法正在输入时，快捷键不会触发。

## Database error dialog

db-error-title = Meridian 无法打开数据库
app-start-failed = Meridian 无法启动
db-error-location = 数据库：{ $location }
db-error-backups = 在数据库旁找到以下备份：
db-error-backup-hint = 打开一个备份以继续工作：Meridian 会在该副本上重新启动，受损文件保持原样以便技术支持排查。
db-error-open-backup = 打开此备份
db-error-no-backups = 数据库旁没有找到备份。
db-error-copy = 复制路径

## Errors (error-<code>, with the arguments the code carries)

error-db-corrupt = { $path } 不是 Meridian 数据库，或文件已损坏。
error-db-locked = { $path } 正被其他程序占用并一直处于锁定状态。请关闭该程序后重试。
error-db-newer-schema = { $path } 由更新版本的 Meridian 写入（架构版本 { $found }，当前版本最高支持 { $supported }）。请更新 Meridian 后再打开。
error-db-io = 无法读写 { $path }。请确认磁盘可用且你有相应权限。
error-db-connect = 无法连接位于 { $location } 的数据库。
error-db-migration = 将 { $location } 的数据库升级到架构版本 { $version } 时失败。
error-not-found = 请求的内容已不存在（{ $what } { $id }）。
error-db-invalid = 存储的{ $what }数据无效。
error-db-query = 数据库请求失败（{ $doing }）。
error-invalid-input = 部分输入无效。
error-send-empty = 请先输入内容再发送。
error-unexpected = 出现错误：{ $message }
retry = 重试
error-dismiss = 关闭

## Assist
assist-confidence = 置信度 { $percent }%
assist-threat = 威胁
assist-facts = 使用的事实
assist-meaning = 用你的语言显示的含义
assist-use-draft = 使用建议的草稿
assist-loading = 正在阅读消息…

## 连接（同步）
error-sync-failed = 无法从平台刷新：{ $message }
statusbar-sync-error = 连接：{ $message }
connector-ok = { $name } · { $ago }更新
connector-down = { $name } 自 { $since } 起无法访问——显示已保存的数据
connector-never = { $name } · 尚未同步
order-refresh = 刷新
order-refresh-title = 立即从平台获取此订单
order-refresh-off = 此订单的平台未连接；显示已保存的数据
error-connection-config = 连接文件 { $path } 无效：{ $message }
error-connection-invalid = 请检查：{ $what }
error-connection-check = 凭据未保存：{ $message }
error-connection-keyring = 系统密钥环未接受凭据：{ $message }
connections-button = 连接
connections-title = 连接
connections-intro = Meridian 同步的店铺和物流跟踪服务。凭据在保存前会先测试，并且只保存在本机的密钥环中。
connections-empty = 尚无连接。
connections-has-credentials = 凭据已保存在密钥环中
connections-no-credentials = 尚无凭据
connections-save = 测试并保存
connections-saved = 已连接：凭据已保存在密钥环中。
connections-add = 添加连接
connections-add-address = 店铺域名、区域:站点，或网站地址
connections-close = 关闭
connection-kind-shopify = Shopify
connection-kind-amazon = 亚马逊
connection-kind-woocommerce = WooCommerce
connection-kind-17track = 17TRACK
connection-kind-aftership = AfterShip
credential-access_token = Admin API 访问令牌
credential-webhook_secret = Webhook 密钥
credential-client_id = LWA 客户端 ID
credential-client_secret = LWA 客户端密钥
credential-refresh_token = 刷新令牌
credential-consumer_key = Consumer key
credential-consumer_secret = Consumer secret
credential-key = 安全密钥
credential-api_key = API 密钥
writeback-summary = 写入订单备注
writeback-summary-title = 将此会话的摘要和标签添加到平台上的订单
writeback-return = 申请退货
writeback-return-title = 在平台上为此订单创建退货申请
writeback-queued = 已排队发送到 { $platform }；即使 Meridian 重启也只会发送一次。
writeback-amazon = 亚马逊不接受来自其他工具的备注、标签或退货申请：请在卖家平台中记录。
writeback-csat = 满意度
writeback-csat-title = 将客户满意度评分（1–5）写入平台上的客户档案
connections-last-success = 上次同步：{ $when }
error-channel-amazon-links = 亚马逊买家消息不得包含指向其他网站的链接：请删除链接（只写跟踪号即可）。
error-channel-amazon-contact = 亚马逊买家消息不得索取或提供电子邮件地址：请删除该地址。
outbox-queued = { $seconds } 秒后发送
outbox-undo = 撤销
outbox-sending = 正在发送…
outbox-sent = 已发送
outbox-failed = 未发送：{ $reason }
outbox-retry = 重试
outbox-waiting = 等待发送：{ $reason }
outbox-too-late = 已经发出，无法撤销。
workflow-ai-paused = AI 已暂停：此会话由人工处理
workflow-hand-back = 交还给 AI
workflow-take-over = 接管
workflow-snooze = 稍后处理
workflow-close = 关闭
workflow-reopen = 重新打开
workflow-snoozed-until = 推迟到 { $time }
workflow-claimed = { $agent } 正在回复此会话
workflow-done-take_over = 此会话由您处理，AI 不会再操作
workflow-done-hand_back = AI 可以再次处理此会话
workflow-done-snooze = 已推迟到明天上午
workflow-done-close = 会话已关闭
workflow-done-reopen = 会话已重新打开
error-conversation-claimed = { $agent } 已在回复此会话；您的回复未发送
help-take-over = 接管（AI 停止操作）
help-hand-back = 交还给 AI
help-snooze = 推迟到明天 09:00
help-close-conversation = 关闭会话
notice-handoff = 有转交给您的会话：{ $customer }
notice-sla = SLA 即将到期：{ $customer }
workflow-assign = 分配给…
workflow-assigned = 已转交给 { $name }
