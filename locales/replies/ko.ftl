# Meridian 답장 템플릿 — 한국어(합니다체, 고객님).
# en.ftl과 같은 메시지 ID와 변수를 씁니다. 모든 사실 정보는 변수에서만 옵니다.
# 변수 바로 뒤에는 받침에 따라 바뀌는 조사(은/는, 이/가, 을/를, (으)로)를 붙이지 않습니다.

## 인사와 맺음말

greeting = 안녕하세요, { $name } 고객님.
closing =
    감사합니다.
    { $store } { $agent } 드림

## 배송 조회

track-in-transit = 고객님의 주문(주문번호: { $order })은 { $carrier } 택배로 배송 중입니다(운송장 번호: { $tracking }). 마지막 스캔은 { $when }에 { $place }에서 확인되었으며, { $eta }까지 도착할 예정입니다.
track-delivered = 택배사 정보에 따르면 고객님의 주문(주문번호: { $order })은 { $when }에 { $place }에 배송 완료되었습니다.
track-not-shipped = { $placed }에 접수된 주문(주문번호: { $order })은 현재 상품 준비 중이며, 아직 물류 창고에서 출고되지 않았습니다. 발송되는 즉시 운송장 번호를 이메일로 안내해 드리겠습니다.
track-customs = 주문(주문번호: { $order })의 소포가 { $when }부터 { $place } 세관에 보류되어 있습니다. 통관 절차에는 며칠이 소요될 수 있습니다.
track-failed-attempt = 택배사에서 { $when }에 { $place }에서 주문(주문번호: { $order })의 배송을 시도하였으나, 수령하실 분이 계시지 않았습니다. 부재 안내문이 남겨져 있으니 다음 배송 일정 또는 수령 장소를 확인해 주시기 바랍니다.
track-late = { $promised }까지 배송해 드리기로 약속드렸으나, 택배사에서는 현재 { $eta } 도착을 예상하고 있습니다. 배송이 지연되어 진심으로 사과드립니다.
track-no-eta = 택배사에서 아직 새로운 배송 예정일을 안내하지 않았습니다. 택배사에 계속 확인하고 있습니다.
ask-order-number = 보내 주신 메시지만으로는 주문을 찾지 못했습니다. 번거로우시겠지만 주문 확인 이메일에 기재된 주문번호를 회신해 주시면 바로 확인해 드리겠습니다.
data-stale = 현재 확인 가능한 마지막 배송 조회 정보는 { $updated } 기준입니다. 택배사에 최신 정보를 요청해 두었습니다.

## 배송 기간

delivery-period-order = 주문(주문번호: { $order })은 { $eta }까지 도착할 예정입니다.
delivery-period-general = 배송은 보통 발송 후 영업일 기준 { $min }~{ $max }일이 소요됩니다.
missing-delivered = { $carrier } 택배사에서 주문(주문번호: { $order }, 운송장 번호: { $tracking })이 { $when }에 { $place }에 배송 완료된 것으로 처리했습니다. 우편함, 이웃, 건물 관리실이나 안전한 보관 장소를 확인해 주시기 바랍니다. 48시간 이내에 찾지 못하시면 이 메일에 회신해 주십시오. 택배사에 조사를 요청하겠습니다.

## 반품 및 환불

return-window = 주문(주문번호: { $order })의 상품은 배송 완료 후 { $days }일 이내, 즉 { $deadline }까지 반품하실 수 있습니다.
return-eu-right = 또한 EU 내에서는 { $days }일간의 법정 청약철회권도 보장됩니다.
return-steps =
    1. 반품하실 상품과 반품 사유를 이 메일에 회신해 주십시오.
    2. 반품 라벨과 안내 사항을 보내 드리겠습니다.
    3. 사용하지 않은 상품을 원래 태그와 포장 그대로 보내 주십시오. 반품 상품이 도착하면 환불해 드립니다.
refund-how = 주문(주문번호: { $order })의 { $amount } 환불은 승인 후 영업일 기준 { $days }일 이내에 원래 결제 수단으로 처리됩니다.
refund-status = 주문(주문번호: { $order })에 대해 { $when }에 { $amount } 환불이 처리되었습니다. 은행에 따라 반영까지 영업일 기준 며칠이 걸릴 수 있습니다.
refund-policy = 반품 정책 요약: 배송 완료 후 { $days }일 이내에 사용하지 않은 상품을 태그가 부착된 상태로 반품하실 수 있으며, 환불은 원래 결제 수단으로 진행됩니다.

## 주문 변경

cancel-possible = 주문(주문번호: { $order })은 아직 발송 전이므로 취소가 가능합니다. 담당 직원이 지금 취소를 확인하고 있으며, 완료되면 이메일로 안내해 드리겠습니다.
cancel-shipped = 주문(주문번호: { $order })은 이미 { $carrier } 택배로 발송되어 죄송하지만 취소가 어렵습니다. 상품을 받으신 후 반품을 신청하실 수 있습니다.
address-possible = 주문(주문번호: { $order })은 아직 발송 전이므로 배송지 변경이 가능합니다. 새 주소 전체(도로명, 건물 번호, 우편번호, 도시, 국가, 전화번호)를 회신해 주시면 담당 직원이 발송 전에 변경해 드리겠습니다.
address-shipped = 주문(주문번호: { $order })은 이미 { $carrier } 택배사에 인계되었습니다(운송장 번호: { $tracking }). 따라서 배송지 변경은 택배사에 직접 요청하셔야 합니다.

## 문제 해결

damaged = 주문번호 { $order }의 '{ $product }' 상품이 파손된 상태로 도착했거나 주문하신 것과 다른 상품이 도착하여 대단히 죄송합니다. 번거로우시겠지만 상품과 포장 상태를 확인할 수 있는 사진을 보내 주시면 교환 또는 환불을 진행해 드리겠습니다.
customs = { $country } 배송 소포의 경우 수입 관세 및 세금은 배송 시 세관에서 수취인에게 부과합니다. 주문(주문번호: { $order })도 이에 해당합니다. 금액은 택배사에서 안내해 드리며, 납부 후 소포가 인도됩니다.
generic-ack = 문의해 주셔서 감사합니다. 현재 내용을 확인하고 있으며, 빠른 시일 내에 답변드리겠습니다.

## 서식

# $year는 전달되지만 표시하지 않습니다. $month는 month-N의 "11월" 형태입니다.
date-format = { $month } { $day }일({ $weekday })
time-format = { $hour }:{ $minute }
datetime-format = { $date } { $time }

month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월

weekday-1 = 월
weekday-2 = 화
weekday-3 = 수
weekday-4 = 목
weekday-5 = 금
weekday-6 = 토
weekday-7 = 일

money-format = { $symbol }{ $amount }
decimal-separator = .
group-separator = ,
