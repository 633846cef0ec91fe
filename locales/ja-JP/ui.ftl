# Meridian デスクトップ UI — 日本語。メッセージ ID は en-US と完全に一致させること。

## App chrome

app-name = Meridian
app-loading = Meridian を起動しています…
search-label = 会話を検索
search-placeholder = メッセージ、注文番号、追跡番号を検索…
locale-label = 表示言語
help-button = キーボードショートカット
pane-inbox = 受信トレイ
pane-thread = 会話
pane-context = 顧客・注文・配送

## Filters

filter-status-label = ステータス
filter-language-label = 言語
filter-channel-label = チャネル
filter-intent-label = 問い合わせ内容
filter-any-status = すべてのステータス
filter-any-language = すべての言語
filter-any-channel = すべてのチャネル
filter-any-intent = すべての問い合わせ内容
filter-option = { $label }（{ $count }）

## Conversation status

status-open = 対応中
status-waiting = 顧客の返信待ち
status-autopilot = 自動対応
status-escalated = エスカレーション済み
status-snoozed = 保留中
status-closed = 完了

## Channels

channel-email = メール
channel-amazon_messaging = Amazon 購入者メッセージ
channel-chat = チャット

## Priorities

priority-low = 優先度：低
priority-normal = 優先度：通常
priority-high = 優先度：高
priority-urgent = 緊急

## Intents

intent-none = 未分類
intent-track_order = 配送状況の確認
intent-track_refund = 返金状況の確認
intent-delivery_period = お届け日数
intent-delivery_options = 配送方法
intent-check_refund_policy = 返金ポリシー
intent-check_cancellation_fee = キャンセル料
intent-check_payment_methods = お支払い方法
intent-check_invoice = 請求書の確認
intent-get_invoice = 請求書の発行依頼
intent-create_account = アカウント作成
intent-edit_account = アカウント情報の変更
intent-recover_password = パスワードの再設定
intent-registration_problems = 登録時の問題
intent-switch_account = アカウントの切り替え
intent-newsletter_subscription = ニュースレター
intent-set_up_shipping_address = お届け先の登録
intent-place_order = 注文方法
intent-review = レビュー・ご意見
intent-contact_customer_service = カスタマーサービスへの連絡
intent-customs_duties = 関税・通関
intent-cancel_order = 注文のキャンセル
intent-change_order = 注文内容の変更
intent-change_shipping_address = お届け先の変更
intent-get_refund = 返金の依頼
intent-return_item = 返品
intent-damaged_or_wrong_item = 破損・誤配送
intent-missing_package = 荷物の紛失
intent-payment_issue = お支払いの問題
intent-delete_account = アカウントの削除
intent-product_question = 商品に関する質問
intent-other = その他
intent-complaint = 苦情
intent-contact_human_agent = 担当者との対応を希望
intent-dispute = 異議申し立て・チャージバック
intent-privacy_request = 個人情報に関する依頼

## Platforms

platform-shopify = Shopify
platform-amazon = Amazon
platform-woocommerce = WooCommerce

## Payment (financial) status

financial-pending = 支払い待ち
financial-authorized = オーソリ済み
financial-paid = 支払い済み
financial-partially_paid = 一部支払い済み
financial-partially_refunded = 一部返金済み
financial-refunded = 返金済み
financial-voided = 無効
financial-expired = 支払い期限切れ

## Fulfilment status

fulfillment-unfulfilled = 未発送
fulfillment-in_progress = 処理中
fulfillment-on_hold = 保留中
fulfillment-scheduled = 予定済み
fulfillment-partially_fulfilled = 一部発送済み
fulfillment-fulfilled = 発送済み
fulfillment-cancelled = キャンセル済み

## Shipment status

shipment-status-pending = 準備中
shipment-status-info_received = 送り状作成済み
shipment-status-in_transit = 輸送中
shipment-status-customs = 通関中
shipment-status-out_for_delivery = 配達中
shipment-status-available_for_pickup = 受け取り可能
shipment-status-delivered = 配達完了
shipment-status-failed_attempt = 不在・配達失敗
shipment-status-exception = 配送トラブル
shipment-status-returned = 差出人に返送
shipment-status-expired = 追跡期限切れ

## Carriers (brand names stay as the carrier writes them)

carrier-ups = UPS
carrier-usps = USPS
carrier-fedex = FedEx
carrier-dhl = DHL Express
carrier-china_post = 中国郵政
carrier-yunexpress = YunExpress
carrier-post = 郵便
carrier-other = その他の配送業者

## Assist actions on a draft

action-autopilot = 自動送信可
action-approve = 承認が必要
action-escalate = 担当者に引き継ぎ

## Customer identities

identity-email = メール
identity-amazon_alias = Amazon エイリアス
identity-phone = 電話
identity-platform_id = プラットフォーム ID

## Relative time and durations

time-just-now = たった今
time-minutes-ago = { $count } 分前
time-hours-ago = { $count } 時間前
time-yesterday = 昨日
time-days-ago = { $count } 日前
duration-minutes = { $minutes } 分
duration-hours = { $hours } 時間 { $minutes } 分
duration-days = { $days } 日
updated-ago = { $ago }に更新

## Inbox

inbox-count = { $count } 件の会話
inbox-count-more = { $count } 件以上の会話
inbox-loading = 会話を読み込んでいます…
inbox-loading-more = さらに読み込んでいます…
inbox-load-more = さらに読み込む
inbox-empty = 条件に一致する会話はありません。
inbox-empty-hint = 検索語を変えるか、フィルターを解除してください。
inbox-clear-filters = フィルターを解除
inbox-end = すべて表示しました。
inbox-assigned = 担当：{ $name }
inbox-unassigned = 未割り当て
sla-due-in = 期限まで { $duration }
sla-overdue = 期限超過 { $duration }

## Thread

thread-none = 会話を選択すると内容が表示されます。
thread-loading = 会話を読み込んでいます…
thread-customer-now = 顧客の現地時刻 { $time }（{ $zone }）
thread-customer-zone-unknown = 顧客のタイムゾーンは不明です
thread-store = { $store } · { $platform }
thread-messages = { $count } 件のメッセージ
message-note = 社内メモ
message-outbound = 返信
message-inbound = 顧客
message-times = { $agent } · 顧客 { $customer }（{ $zone }）

## Reply box

reply-label = { $name } 様への返信
reply-placeholder = { $language }で返信を入力…
reply-send = 送信
reply-sending = 送信しています…
reply-hint = { $send } で送信 · Esc で受信トレイに戻る
reply-saving = 下書きを保存しています…
reply-saved = 下書きを保存しました
reply-sent = 返信を送信待ちにしました。取り消し可能な時間が過ぎると送信されます
reply-assist = アシスト：{ $action }
reply-assist-reason = アシスト：{ $action } — { $reason }

## Customer card

customer-title = 顧客
customer-country = 国・地域
customer-language = 言語
customer-local-time = 現地時刻
customer-time-zone = タイムゾーン
customer-tz-unknown = 不明
customer-tz-source =
    { $source ->
        [address] お届け先住所から判定
        [phone] 電話番号から判定
        [agent] 担当者が設定
       *[other] 判定元：{ $source }
    }
customer-since = { $date } から利用
customer-contacts = 連絡先

## Orders

order-title = 注文
orders-other = その他の注文（{ $count } 件）
order-none = この顧客に関連付けられた注文はありません。
order-created = 注文日 { $date }
order-cancelled = キャンセル日 { $date }
order-items = 商品
order-unit-price = 単価 { $price }
order-subtotal = 小計
order-shipping = 送料
order-tax = 税
order-total = 合計
order-ship-to = お届け先
order-no-address = お届け先なし
order-source = 取得元：{ $source }
order-show = 注文 { $number } を表示

## Logistics

logistics-title = 配送
logistics-none = この注文の荷物はまだありません。
logistics-no-order = 注文を選択すると荷物が表示されます。
shipment-tracking = 追跡番号
shipment-shipped = 発送日
shipment-promised = お届け予定（約束）
shipment-expected = 到着見込み
shipment-delivered = 配達日
shipment-late = 遅延
shipment-late-by = 約束より { $days } 日遅れ
shipment-events = 配送履歴
shipment-no-events = 配送業者のスキャン記録はまだありません。
shipment-event-local = 現地 { $time }（{ $zone }）
shipment-event-agent = あなたの時刻 { $time }
copy = コピー
copied = コピーしました

## Status bar

statusbar-store = データベース：{ $location }
statusbar-conversations = 会話 { $count } 件
statusbar-messages = メッセージ { $count } 件
statusbar-orders = 注文 { $count } 件
statusbar-shipments = 荷物 { $count } 件
statusbar-customers = 顧客 { $count } 名
statusbar-languages = { $count } 言語
statusbar-countries = { $count } か国・地域
statusbar-agent = { $name } · { $zone }

## Keyboard help

help-title = キーボードショートカット
help-close = 閉じる
help-next = 次の会話
help-prev = 前の会話
help-open = 選択した会話を開く
help-reply = 返信を入力
help-send = 返信を送信
help-leave = 返信欄を離れて受信トレイに戻る
help-search = 検索
help-panes = 受信トレイ・会話・顧客パネルに移動
help-toggle = このヘルプの表示・非表示
help-ime = 日本語入力の変換中はショートカットは動作しません。

## Database error dialog

db-error-title = Meridian のデータベースを開けません
app-start-failed = Meridian を起動できませんでした
db-error-location = データベース：{ $location }
db-error-backups = データベースと同じ場所にバックアップが見つかりました：
db-error-backup-hint = バックアップを開くと作業を続けられます。Meridian はそのコピーで再起動し、破損したファイルはサポート用にそのまま残します。
db-error-open-backup = このバックアップを開く
db-error-no-backups = データベースと同じ場所にバックアップは見つかりませんでした。
db-error-copy = パスをコピー

## Errors (error-<code>, with the arguments the code carries)

error-db-corrupt = { $path } は Meridian のデータベースではないか、破損しています。
error-db-locked = { $path } は別のプログラムが使用中のため、ロックされたままです。そのプログラムを終了してから、もう一度お試しください。
error-db-newer-schema = { $path } は新しいバージョンの Meridian で作成されています（スキーマ { $found }、このバージョンの対応上限は { $supported }）。Meridian を更新してから開いてください。
error-db-io = { $path } を読み書きできません。ディスクが利用可能か、アクセス権があるかを確認してください。
error-db-connect = { $location } のデータベースに接続できません。
error-db-migration = { $location } のデータベースをスキーマ { $version } に更新できませんでした。
error-not-found = 要求された項目はすでに存在しません（{ $what } { $id }）。
error-db-invalid = 保存されている { $what } のデータが無効です。
error-db-query = データベースの処理に失敗しました（{ $doing }）。
error-invalid-input = 入力内容の一部が無効です。
error-send-empty = 送信する前に内容を入力してください。
error-unexpected = 問題が発生しました：{ $message }
retry = 再試行
error-dismiss = 閉じる

## Assist
assist-confidence = 確信度 { $percent }%
assist-threat = 脅威
assist-facts = 使用したデータ
assist-meaning = あなたの言語での意味
assist-use-draft = 提案された下書きを使う
assist-loading = メッセージを読んでいます…

## 接続（同期）
error-sync-failed = プラットフォームから更新できませんでした：{ $message }
statusbar-sync-error = 接続：{ $message }
connector-ok = { $name } · { $ago }に更新
connector-down = { $name } は { $since } から接続できません — 保存済みのデータを表示しています
connector-never = { $name } · まだ同期していません
order-refresh = 更新
order-refresh-title = この注文をプラットフォームから今すぐ取得します
order-refresh-off = この注文のプラットフォームは接続されていません。保存済みのデータを表示しています
error-connection-config = 接続ファイル { $path } が正しくありません：{ $message }
error-connection-invalid = 確認してください：{ $what }
error-connection-check = 認証情報は保存されませんでした：{ $message }
error-connection-keyring = システムのキーリングが認証情報を受け付けませんでした：{ $message }
connections-button = 接続
connections-title = 接続
connections-intro = Meridian が同期するストアと配送追跡サービスです。認証情報は保存前にテストされ、このコンピューターのキーリングにのみ保存されます。
connections-empty = 接続はまだありません。
connections-has-credentials = 認証情報はキーリングに保存済み
connections-no-credentials = 認証情報がまだありません
connections-save = テストして保存
connections-saved = 接続しました。認証情報をキーリングに保存しました。
connections-add = 接続を追加
connections-add-address = ショップのドメイン、リージョン:マーケットプレイス、またはサイトの URL
connections-close = 閉じる
connection-kind-shopify = Shopify
connection-kind-amazon = Amazon
connection-kind-woocommerce = WooCommerce
connection-kind-17track = 17TRACK
connection-kind-aftership = AfterShip
credential-access_token = Admin API アクセストークン
credential-webhook_secret = Webhook シークレット
credential-client_id = LWA クライアント ID
credential-client_secret = LWA クライアントシークレット
credential-refresh_token = リフレッシュトークン
credential-consumer_key = コンシューマーキー
credential-consumer_secret = コンシューマーシークレット
credential-key = セキュリティキー
credential-api_key = API キー
writeback-summary = 注文にメモ
writeback-summary-title = この会話の要約とタグをプラットフォーム上の注文に追加します
writeback-return = 返品を申請
writeback-return-title = この注文の返品リクエストをプラットフォーム上で作成します
writeback-queued = { $platform } への送信を予約しました。Meridian が再起動しても送信は一度だけです。
writeback-amazon = Amazon は他のツールからのメモ、タグ、返品リクエストを受け付けません。セラーセントラルで記録してください。
writeback-csat = 満足度
writeback-csat-title = 顧客満足度（1〜5）をプラットフォームの顧客情報に送信します
connections-last-success = 最終同期：{ $when }
error-channel-amazon-links = Amazon の購入者へのメッセージに他サイトへのリンクは入れられません。リンクを削除してください（追跡番号だけで構いません）。
error-channel-amazon-contact = Amazon の購入者へのメッセージでメールアドレスを尋ねたり伝えたりすることはできません。アドレスを削除してください。
outbox-queued = { $seconds } 秒後に送信
outbox-undo = 取り消す
outbox-sending = 送信中…
outbox-sent = 送信済み
outbox-failed = 送信できませんでした：{ $reason }
outbox-retry = 再試行
outbox-waiting = 送信待ち：{ $reason }
outbox-too-late = すでに送信されたため取り消せません。
workflow-ai-paused = AI 停止中：担当者が対応しています
workflow-hand-back = AI に戻す
workflow-take-over = 引き継ぐ
workflow-snooze = スヌーズ
workflow-close = クローズ
workflow-reopen = 再オープン
workflow-snoozed-until = { $time } までスヌーズ
workflow-claimed = { $agent } がこの会話に返信中です
workflow-done-take_over = この会話はあなたが担当します。AI は操作しません
workflow-done-hand_back = AI が再びこの会話を処理できます
workflow-done-snooze = 明日の朝までスヌーズしました
workflow-done-close = 会話をクローズしました
workflow-done-reopen = 会話を再オープンしました
error-conversation-claimed = { $agent } がすでにこの会話に返信中のため、返信は送信されていません
help-take-over = 引き継ぐ（AI は停止）
help-hand-back = AI に戻す
help-snooze = 明日 09:00 までスヌーズ
help-close-conversation = 会話をクローズ
notice-handoff = あなたへの引き継ぎ：{ $customer }
notice-sla = まもなく SLA 期限：{ $customer }
workflow-assign = 担当者を割り当て…
workflow-assigned = { $name } に引き継ぎました
