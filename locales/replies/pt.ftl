# Modelos de resposta Meridian — português (neutro para Brasil e Portugal).
# Mesmos ids e variáveis de en.ftl; os factos/fatos vêm sempre das variáveis.

## Saudação e despedida

greeting = Olá, { $name },
closing =
    Atenciosamente,
    { $agent } – { $store }

## Rastreio

track-in-transit = O seu pedido { $order } está a caminho com a transportadora { $carrier } (código de rastreio: { $tracking }). A última leitura ocorreu em { $place }, em { $when }, e a entrega está prevista até { $eta }.
track-delivered = Segundo a transportadora, o seu pedido { $order } foi entregue em { $place }, em { $when }.
track-not-shipped = O seu pedido { $order }, feito em { $placed }, está em preparação e ainda não saiu do nosso armazém. Assim que for expedido, você receberá o código de rastreio por e-mail.
track-customs = A encomenda referente ao seu pedido { $order } está retida na alfândega em { $place } desde { $when }. O processo aduaneiro pode levar alguns dias.
track-failed-attempt = A transportadora tentou entregar o seu pedido { $order } em { $place }, em { $when }, mas não havia ninguém disponível. Foi deixado um aviso com informações sobre a próxima tentativa de entrega ou sobre onde pode ir buscar a encomenda.
track-late = Tínhamos prometido a entrega até { $promised }, mas a transportadora prevê agora a entrega até { $eta }. Lamentamos muito o atraso.
track-no-eta = A transportadora ainda não indicou uma nova data de entrega; já pedimos essa informação e vamos insistir até obtê-la.
ask-order-number = Não conseguimos encontrar o seu pedido a partir da sua mensagem. Pode responder com o número do pedido? Ele consta do e-mail de confirmação do pedido. Assim poderemos verificar de imediato.
data-stale = A última atualização de rastreio que temos é de { $updated }; já pedimos informações atualizadas à transportadora.

## Prazos de entrega

delivery-period-order = O seu pedido { $order } deverá chegar até { $eta }.
delivery-period-general = A entrega costuma demorar de { $min } a { $max ->
        [one] { $max } dia útil
       *[other] { $max } dias úteis
    } após o envio.
missing-delivered = A transportadora { $carrier } indica que o seu pedido { $order } (código de rastreio: { $tracking }) foi entregue em { $place }, em { $when }. Verifique, por favor, a sua caixa de correio, pergunte aos vizinhos e confira a portaria ou algum local seguro onde a encomenda possa ter sido deixada. Se não a encontrar no prazo de 48 horas, responda a esta mensagem e abriremos uma investigação com a transportadora.

## Devoluções e reembolsos

return-window = Pode devolver produtos do pedido { $order } no prazo de { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    } após a entrega, ou seja, até { $deadline }.
return-eu-right = Na UE, tem ainda o direito legal de livre resolução, com um prazo de { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    }.
return-steps =
    1. Responda a esta mensagem indicando os produtos que quer devolver e o motivo.
    2. Enviaremos uma etiqueta de devolução e as instruções.
    3. Embale os produtos sem uso, com as etiquetas e a embalagem originais. O reembolso é feito assim que a devolução chegar até nós.
refund-how = O reembolso de { $amount } referente ao pedido { $order } será feito no método de pagamento original no prazo de { $days ->
        [one] { $days } dia útil
       *[other] { $days } dias úteis
    } após a aprovação.
refund-status = Foi emitido um reembolso de { $amount } referente ao pedido { $order } em { $when }. O banco pode levar alguns dias úteis até que o valor apareça.
refund-policy = Em resumo: pode devolver os produtos no prazo de { $days ->
        [one] { $days } dia
       *[other] { $days } dias
    } após a entrega, desde que estejam sem uso e com as etiquetas; o reembolso é feito no método de pagamento original.

## Alterações ao pedido

cancel-possible = O seu pedido { $order } ainda não foi enviado, por isso pode ser cancelado. Um colega nosso confirma o cancelamento neste momento, e você receberá um e-mail de confirmação em breve.
cancel-shipped = O seu pedido { $order } já saiu com a transportadora { $carrier } e, infelizmente, já não pode ser cancelado. Após a entrega, poderá devolvê-lo.
address-possible = O seu pedido { $order } ainda não foi enviado, por isso o endereço ainda pode ser alterado. Confirme, por favor, o novo endereço completo (rua, número, código postal, cidade, país e telefone), e um colega irá atualizá-lo antes do envio.
address-shipped = O seu pedido { $order } já foi entregue à transportadora { $carrier } (código de rastreio: { $tracking }), por isso o endereço só pode ser alterado diretamente com a transportadora.

## Problemas

damaged = Lamentamos muito que o produto “{ $product }” do seu pedido { $order } tenha chegado danificado ou não corresponda ao que encomendou. Pode enviar uma foto do produto e da embalagem? Assim poderemos enviar um produto de substituição ou fazer o reembolso.
customs = Para o seu pedido { $order } (país de destino: { $country }), os impostos e taxas de importação são cobrados pela alfândega ao destinatário no momento da entrega. A transportadora informará o valor e, após o pagamento, a encomenda segue para entrega.
generic-ack = Obrigado pela sua mensagem. Vamos analisar o assunto e responderemos em breve.

## Formatos

# $year é passado, mas não é mostrado. A data começa pelo dia para poder
# seguir "em", "até", "desde" e "de" sem artigo.
date-format = { $day } de { $month } ({ $weekday })
time-format = { $hour }:{ $minute }
datetime-format = { $date }, { $time }

month-1 = janeiro
month-2 = fevereiro
month-3 = março
month-4 = abril
month-5 = maio
month-6 = junho
month-7 = julho
month-8 = agosto
month-9 = setembro
month-10 = outubro
month-11 = novembro
month-12 = dezembro

weekday-1 = segunda-feira
weekday-2 = terça-feira
weekday-3 = quarta-feira
weekday-4 = quinta-feira
weekday-5 = sexta-feira
weekday-6 = sábado
weekday-7 = domingo

money-format = { $amount } { $symbol }
decimal-separator = ,
group-separator = .
