<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ja_JP">
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../bp_till/gui/points_dialogs.py" line="115" />
        <source>Spend points</source>
        <translation>累計ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/points_dialogs.py" line="116" />
        <source>Vote points</source>
        <translation>投票ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/points_dialogs.py" line="120" />
        <source>Adjust {login}: spend {spend:+,}, votes {votes:+,} ({reason})</source>
        <translation>{login} のポイント調整：累計 {spend:+,}、投票 {votes:+,}（{reason}）</translation>
    </message>
</context>
<context>
    <name>AdjustPoints</name>
    <message>
        <location filename="../../ui/adjust_points.ui" line="5" />
        <source>Adjust points</source>
        <translation>ポイント調整</translation>
    </message>
    <message>
        <location filename="../../ui/adjust_points.ui" line="11" />
        <source>Spend points (+ or −)</source>
        <translation>累計ポイント（＋/−）</translation>
    </message>
    <message>
        <location filename="../../ui/adjust_points.ui" line="13" />
        <source>Vote points (+ or −)</source>
        <translation>投票ポイント（＋/−）</translation>
    </message>
    <message>
        <location filename="../../ui/adjust_points.ui" line="15" />
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/adjust_points.ui" line="22" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/adjust_points.ui" line="23" />
        <source>Apply</source>
        <translation>適用</translation>
    </message>
</context>
<context>
    <name>AutoExtender</name>
    <message>
        <location filename="../../bp_till/gui/auto_extend.py" line="42" />
        <source>Stay extended automatically on {n} table(s).</source>
        <translation>{n} 卓の延長を自動で追加しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/auto_extend.py" line="45" />
        <source>An extension could not be added: {why}</source>
        <translation>延長を追加できませんでした：{why}</translation>
    </message>
</context>
<context>
    <name>BacksEditor</name>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="30" />
        <source>Cast backs (a manager's PIN to save)</source>
        <translation>キャストバック（保存には店長の PIN）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="34" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="34" />
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="34" />
        <source>Back</source>
        <translation>バック</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="34" />
        <source>Yen or %</source>
        <translation>円 / %</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="39" />
        <source>In force from (YYYY-MM-DD)</source>
        <translation>適用開始日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="40" />
        <source>Save the backs</source>
        <translation>バックを保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="43" />
        <source>no back</source>
        <translation>バックなし</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="43" />
        <source>yen per item</source>
        <translation>1点あたり円</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="44" />
        <source>% of the price</source>
        <translation>価格の %</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="49" />
        <source>Version {v}, in force from {day}</source>
        <translation>バージョン {v}（{day} から適用）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="51" />
        <source>No backs saved yet</source>
        <translation>バックはまだ保存されていません</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="69" />
        <source>In force from: type a day as YYYY-MM-DD.</source>
        <translation>適用開始日: YYYY-MM-DD の形で入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="84" />
        <source>Save new cast backs</source>
        <translation>新しいキャストバックを保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/backs_editor.py" line="88" />
        <source>Backs version {v} is saved.</source>
        <translation>バック バージョン {v} を保存しました。</translation>
    </message>
</context>
<context>
    <name>CastMemberDialog</name>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="133" />
        <source>Add a cast member</source>
        <translation>キャストを追加</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="134" />
        <source>Rename {code}</source>
        <translation>{code} の名前を変更</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="152" />
        <source>Save a cast member</source>
        <translation>キャストを保存</translation>
    </message>
    <message>
        <location filename="../../ui/cast_member.ui" line="5" />
        <source>Cast member</source>
        <translation>キャスト</translation>
    </message>
    <message>
        <location filename="../../ui/cast_member.ui" line="10" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/cast_member.ui" line="12" />
        <source>Stage name</source>
        <translation>源氏名</translation>
    </message>
    <message>
        <location filename="../../ui/cast_member.ui" line="14" />
        <source>Romaji</source>
        <translation>ローマ字</translation>
    </message>
    <message>
        <location filename="../../ui/cast_member.ui" line="21" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/cast_member.ui" line="22" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>CastPicker</name>
    <message>
        <location filename="../../ui/cast_picker.ui" line="5" />
        <source>Which cast member?</source>
        <translation>どのキャストへ？</translation>
    </message>
    <message>
        <location filename="../../ui/cast_picker.ui" line="9" />
        <source>Name, romaji or code</source>
        <translation>名前・ローマ字・コード</translation>
    </message>
    <message>
        <location filename="../../ui/cast_picker.ui" line="14" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/cast_picker.ui" line="15" />
        <source>Credit</source>
        <translation>決定</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/cast_picker.py" line="122" />
        <source>{name} is not on tonight's roster.</source>
        <translation>{name}さんは今夜の出勤にいません。</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <location filename="../../ui/check.ui" line="10" />
        <source>Search the menu (F3)</source>
        <translation>メニュー検索 (F3)</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="11" />
        <source>Qty (F2)</source>
        <translation>数量 (F2)</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="39" />
        <source>Producer</source>
        <translation>プロデューサー</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="43" />
        <source>Scan the card or type the number (F4)</source>
        <translation>カードをスキャン、または番号を入力 (F4)</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="44" />
        <source>Attach</source>
        <translation>登録</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="45" />
        <source>New producer (F9)</source>
        <translation>新規プロデューサー (F9)</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="58" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="59" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="65" />
        <source>Void line (Del)</source>
        <translation>明細取消 (Del)</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="66" />
        <source>Extend stay</source>
        <translation>延長</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="67" />
        <source>Cancel check</source>
        <translation>伝票取消</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="68" />
        <source>Floor (Esc)</source>
        <translation>フロア (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/check.ui" line="69" />
        <source>Settle (F12)</source>
        <translation>お会計 (F12)</translation>
    </message>
</context>
<context>
    <name>CheckView</name>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="144" />
        <source>take-out</source>
        <translation>お持ち帰り</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="146" />
        <source>1 guest</source>
        <translation>1名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="148" />
        <source>{n} guests</source>
        <translation>{n}名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="149" />
        <source>Check #{number} · {table} · {kind}</source>
        <translation>伝票 #{number} · {table} · {kind}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="154" />
        <source>nominates {names}</source>
        <translation>指名 {names}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="156" />
        <source>練習 TRAINING</source>
        <translation>練習 TRAINING</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="158" />
        <source>Stay {stay}</source>
        <translation>滞在 {stay}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="163" />
        <source>{rate}% items {total} (tax {tax})</source>
        <translation>{rate}%対象 {total}（内税 {tax}）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="168" />
        <source>Total {total}</source>
        <translation>合計 {total}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="175" />
        <source>No producer card on this check yet.</source>
        <translation>この伝票にはまだプロデューサーカードがありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="177" />
        <source>{login} · {rank} {mult} · {spend} spend points · {votes} vote points
This check earns +{earn} spend and +{earn_votes} vote points.</source>
        <translation>{login} · {rank} {mult} · 累計 {spend} pt · 投票 {votes} pt
この伝票で +{earn} pt、投票 +{earn_votes} pt</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="183" />
        <source>{needed} points to {rank}.</source>
        <translation>{rank}まであと {needed} pt</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="190" />
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="217" />
        <source>Added {item} × {n} · total {total}</source>
        <translation>{item} × {n} を追加 · 合計 {total}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="232" />
        <source>Extend stay</source>
        <translation>延長</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="236" />
        <source>Past its time! +{minutes} min
{guests} × {price}</source>
        <translation>時間超過！ +{minutes}分
{guests}名 × {price}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="237" />
        <source>Extend +{minutes} min
{guests} × {price}</source>
        <translation>延長 +{minutes}分
{guests}名 × {price}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="246" />
        <source>Choose the line to void first.</source>
        <translation>取り消す明細を先に選んでください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="249" />
        <source>Why void {item}?</source>
        <translation>「{item}」を取り消す理由は？</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="253" />
        <source>Why cancel the whole check?</source>
        <translation>伝票全体を取り消す理由は？</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="285" />
        <source>Check #{number} is empty: there is nothing to settle.</source>
        <translation>伝票 #{number} は空です。会計するものがありません。</translation>
    </message>
</context>
<context>
    <name>CloseOut</name>
    <message>
        <location filename="../../ui/close_out.ui" line="5" />
        <location filename="../../ui/close_out.ui" line="9" />
        <source>Close-out</source>
        <translation>締め</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="24" />
        <source>Open checks (settle or cancel them first)</source>
        <translation>未会計の伝票（先に会計または取消してください）</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="36" />
        <source>Cash count</source>
        <translation>現金の数え</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="40" />
        <source>Float</source>
        <translation>釣銭準備金</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="43" />
        <source>¥</source>
        <translation>¥</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="56" />
        <source>Expected in drawer</source>
        <translation>ドロア内の予定額</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="58" />
        <source>Counted</source>
        <translation>実際の額</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="60" />
        <source>Over / short</source>
        <translation>過不足</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="76" />
        <source>Close the day</source>
        <translation>営業日を締める</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="82" />
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../ui/close_out.ui" line="88" />
        <source>Print report</source>
        <translation>レポート印刷</translation>
    </message>
</context>
<context>
    <name>CloseOutView</name>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="129" />
        <source>closed {time} by {name}</source>
        <translation>{time} に {name} が締め済み</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="132" />
        <source>open</source>
        <translation>営業中</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="133" />
        <source>Business day {day}: {state}</source>
        <translation>営業日 {day}：{state}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="137" />
        <source>#{number}  {table}  opened {time}</source>
        <translation>#{number}  {table}  {time} 開始</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="183" />
        <source>over {amount}</source>
        <translation>過剰 {amount}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="185" />
        <source>short {amount}</source>
        <translation>不足 {amount}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="186" />
        <source>even</source>
        <translation>過不足なし</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="195" />
        <source>Close business day {day}</source>
        <translation>営業日 {day} を締める</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="200" />
        <source>Business day {day} is closed.</source>
        <translation>営業日 {day} を締めました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="203" />
        <source>Sending the night's points…</source>
        <translation>今夜のポイントを送信しています…</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="220" />
        <source>The night's points are queued ({n} events): the central database cannot be reached ({why}).</source>
        <translation>今夜のポイントは送信待ちです（{n} 件）：本部データベースに接続できません（{why}）。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="223" />
        <source>Synced; {n} events are still queued.</source>
        <translation>同期しました。まだ {n} 件が送信待ちです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="225" />
        <source>The night's points reached the central database.</source>
        <translation>今夜のポイントを本部データベースに送信しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="232" />
        <source>Printing the report…</source>
        <translation>レポートを印刷しています…</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="247" />
        <source>The report is printed.</source>
        <translation>レポートを印刷しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/close_out.py" line="250" />
        <source>The report did not print: {why} Press Print report to try again.</source>
        <translation>レポートを印刷できませんでした: {why}「レポート印刷」でもう一度お試しください。</translation>
    </message>
</context>
<context>
    <name>CustomerDisplay</name>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="35" />
        <source>Your check</source>
        <translation>お会計</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="64" />
        <source>Welcome home!</source>
        <translation>おかえりなさいませ！</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="70" />
        <source>Check #{number}</source>
        <translation>伝票 #{number}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="72" />
        <source>練習 TRAINING</source>
        <translation>練習 TRAINING</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="75" />
        <source>Total {total}</source>
        <translation>合計 {total}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="83" />
        <source>Producer {login} · {rank} · training: no points</source>
        <translation>プロデューサー {login} · {rank} · 練習のためポイントなし</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="85" />
        <source>Producer {login} · {rank} · this visit +{earn} points</source>
        <translation>プロデューサー {login} · {rank} · 今回 +{earn} ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="91" />
        <source>Paid {total}</source>
        <translation>お支払い {total}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="93" />
        <source>Change {change}</source>
        <translation>おつり {change}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="95" />
        <source>Thank you!</source>
        <translation>ありがとうございました！</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="98" />
        <source>{rank} · {spend} points · {votes} vote points</source>
        <translation>{rank} · {spend} ポイント · 投票ポイント {votes}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/customer_display.py" line="101" />
        <source>{needed} points to {rank}.</source>
        <translation>{rank} まであと {needed} ポイント。</translation>
    </message>
</context>
<context>
    <name>Floor</name>
    <message>
        <location filename="../../ui/floor.ui" line="8" />
        <source>Floor</source>
        <translation>フロア</translation>
    </message>
    <message>
        <location filename="../../ui/floor.ui" line="11" />
        <source>New take-out</source>
        <translation>新規お持ち帰り</translation>
    </message>
    <message>
        <location filename="../../ui/floor.ui" line="27" />
        <source>Guests</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/floor.ui" line="32" />
        <source>more…</source>
        <translation>その他…</translation>
    </message>
    <message>
        <location filename="../../ui/floor.ui" line="33" />
        <source>Open check</source>
        <translation>伝票を開く</translation>
    </message>
    <message>
        <location filename="../../ui/floor.ui" line="34" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>FloorView</name>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="94" />
        <source>{checks} open checks · {guests} guests</source>
        <translation>伝票 {checks} 件 · {guests} 名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="98" />
        <source>next show {at} · tables seated through it: {n}</source>
        <translation>次のステージ {at} ・ またぐテーブル {n}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="120" />
        <source>free</source>
        <translation>空席</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="121" />
        <source>Tap: a check for 2 guests. Hold: other guests or sets.</source>
        <translation>タップ：2名で伝票を開く。長押し：人数やセットを選ぶ。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="126" />
        <source>1 guest</source>
        <translation>1名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="126" />
        <source>{n} guests</source>
        <translation>{n}名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="129" />
        <source> (+{n} more)</source>
        <translation>（他 {n} 件）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="133" />
        <source>Past its time: extend?</source>
        <translation>時間超過：延長しますか？</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/floor.py" line="170" />
        <source>Guests</source>
        <translation>人数</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../ui/header.ui" line="10" />
        <source>Floor</source>
        <translation>フロア</translation>
    </message>
    <message>
        <location filename="../../ui/header.ui" line="11" />
        <source>Tonight's cast</source>
        <translation>本日の出勤</translation>
    </message>
    <message>
        <location filename="../../ui/header.ui" line="12" />
        <source>Receipts</source>
        <translation>レシート</translation>
    </message>
    <message>
        <location filename="../../ui/header.ui" line="13" />
        <source>Producers</source>
        <translation>プロデューサー</translation>
    </message>
    <message>
        <location filename="../../ui/header.ui" line="14" />
        <source>Close-out</source>
        <translation>締め</translation>
    </message>
    <message>
        <location filename="../../ui/header.ui" line="15" />
        <source>Ranking board</source>
        <translation>ランキングボード</translation>
    </message>
    <message>
        <location filename="../../ui/header.ui" line="16" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/header.ui" line="17" />
        <source>Lock</source>
        <translation>ロック</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <location filename="../../bp_till/gui/lines_model.py" line="13" />
        <source>Item</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/lines_model.py" line="13" />
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/lines_model.py" line="14" />
        <source>Amount</source>
        <translation>金額</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/lines_model.py" line="14" />
        <source>Tax</source>
        <translation>税率</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/lines_model.py" line="15" />
        <source>Cast</source>
        <translation>キャスト</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/lines_model.py" line="49" />
        <source>Void: {reason}</source>
        <translation>取消: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../bp_till/gui/app.py" line="42" />
        <source>cashier</source>
        <translation>レジ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="43" />
        <source>shift lead</source>
        <translation>シフトリーダー</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="44" />
        <source>manager</source>
        <translation>店長</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="78" />
        <source>練習 TRAINING · practice checks: no points, no cards, not in the close-out</source>
        <translation>練習 TRAINING · 練習の伝票：ポイントなし・カード発行なし・締めの集計に入りません</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="185" />
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="199" />
        <source>Locked after {s} s without use.</source>
        <translation>{s} 秒間操作がなかったためロックしました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="205" />
        <source>Not signed in</source>
        <translation>未サインイン</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="227" />
        <source>Check #{number} · {table}</source>
        <translation>伝票 #{number} · {table}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/app.py" line="262" />
        <source>Card scanned: open a check to put it on.</source>
        <translation>カードを読み取りました。伝票を開いてから登録してください。</translation>
    </message>
</context>
<context>
    <name>MasterdataView</name>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="73" />
        <location filename="../../bp_till/gui/masterdata_view.py" line="76" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="73" />
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="73" />
        <source>Japanese name</source>
        <translation>日本語名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="73" />
        <source>English name</source>
        <translation>英語名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="74" />
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="74" />
        <source>Cast credit</source>
        <translation>キャスト指定</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="74" />
        <source>Available</source>
        <translation>提供期間</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="74" />
        <location filename="../../bp_till/gui/masterdata_view.py" line="76" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="76" />
        <source>Stage name</source>
        <translation>源氏名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="76" />
        <source>Romaji</source>
        <translation>ローマ字</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="121" />
        <source>yes</source>
        <translation>あり</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="129" />
        <source>in the cast</source>
        <translation>在籍</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="129" />
        <source>retired</source>
        <comment>cast member</comment>
        <translation>販売終了</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="142" />
        <source>retired</source>
        <translation>販売終了</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="143" />
        <source>on the menu</source>
        <translation>提供中</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="143" />
        <source>not tonight (outside its days)</source>
        <translation>今夜は対象外（期間外）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="149" />
        <source>from {day}</source>
        <translation>{day} から</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="150" />
        <source>until {day}</source>
        <translation>{day} まで</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="163" />
        <source>Put back</source>
        <translation>戻す</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="163" />
        <source>Retire</source>
        <translation>終了にする</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="174" />
        <source>{code} is saved; the tills get it with the next sync.</source>
        <translation>{code} を保存しました。各レジには次の同期で届きます。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="180" />
        <source>Choose a row first.</source>
        <translation>先に行を選んでください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="203" />
        <source>Retire {code} from the menu</source>
        <translation>{code} をメニューから終了にする</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="203" />
        <source>Put {code} back on the menu</source>
        <translation>{code} をメニューに戻す</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="207" />
        <source>Retire {code} from the cast</source>
        <translation>{code} を退店にする</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="207" />
        <source>Put {code} back in the cast</source>
        <translation>{code} をキャストに戻す</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_view.py" line="222" />
        <source>Reorder the menu</source>
        <translation>メニューの並べ替え</translation>
    </message>
</context>
<context>
    <name>MenuCast</name>
    <message>
        <location filename="../../ui/masterdata.ui" line="8" />
        <source>Menu &amp; cast</source>
        <translation>メニューとキャスト</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="9" />
        <source>Every change needs a manager's PIN; nothing is deleted: retired items and cast stay in the history.</source>
        <translation>変更には店長の PIN が必要です。削除はしません：終了した商品や退店したキャストも履歴に残ります。</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="10" />
        <source>Back to Settings</source>
        <translation>設定に戻る</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="16" />
        <source>Menu</source>
        <translation>メニュー</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="18" />
        <source>Find an item by code or name</source>
        <translation>コードか名前で商品を探す</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="22" />
        <source>Add an item…</source>
        <translation>商品を追加…</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="23" />
        <source>Edit…</source>
        <translation>編集…</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="24" />
        <location filename="../../ui/masterdata.ui" line="40" />
        <source>Retire</source>
        <translation>終了にする</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="25" />
        <source>▲ Up</source>
        <translation>▲ 上へ</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="26" />
        <source>▼ Down</source>
        <translation>▼ 下へ</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="32" />
        <source>Cast</source>
        <translation>キャスト</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="34" />
        <source>Find a cast member by stage name, romaji or code</source>
        <translation>源氏名・ローマ字・コードでキャストを探す</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="38" />
        <source>Add a cast member…</source>
        <translation>キャストを追加…</translation>
    </message>
    <message>
        <location filename="../../ui/masterdata.ui" line="39" />
        <source>Rename…</source>
        <translation>名前を変更…</translation>
    </message>
</context>
<context>
    <name>MenuItemDialog</name>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="95" />
        <source>Add a menu item</source>
        <translation>商品を追加</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="96" />
        <source>Edit {code}</source>
        <translation>{code} を編集</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="110" />
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="112" />
        <source>Available from</source>
        <translation>提供開始日</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="113" />
        <source>Available until</source>
        <translation>提供終了日</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/masterdata_dialogs.py" line="122" />
        <source>Save a menu item</source>
        <translation>商品を保存</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="5" />
        <source>Menu item</source>
        <translation>メニュー商品</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="10" />
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="12" />
        <source>Category</source>
        <translation>カテゴリ</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="14" />
        <source>Japanese name</source>
        <translation>日本語名</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="16" />
        <source>English name</source>
        <translation>英語名</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="18" />
        <source>Price (yen, tax included)</source>
        <translation>価格（円・税込）</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="20" />
        <source>Credited to a cast member (asks who at the till)</source>
        <translation>キャスト指定あり（レジで誰の分か選ぶ）</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="21" />
        <source>Available from (YYYY-MM-DD)</source>
        <translation>提供開始日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="22" />
        <source>empty: no first day</source>
        <translation>空欄：開始日なし</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="23" />
        <source>Available until (YYYY-MM-DD)</source>
        <translation>提供終了日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="24" />
        <source>empty: no last day</source>
        <translation>空欄：終了日なし</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="30" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/menu_item.ui" line="31" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>MenuPanel</name>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="19" />
        <source>Table charge</source>
        <translation>テーブルチャージ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="20" />
        <source>Food</source>
        <translation>フード</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="21" />
        <source>Soft drinks</source>
        <translation>ソフトドリンク</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="22" />
        <source>Alcohol</source>
        <translation>アルコール</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="23" />
        <source>Cheki</source>
        <translation>チェキ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="24" />
        <source>Cast drinks</source>
        <translation>キャストドリンク</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="25" />
        <source>Goods</source>
        <translation>グッズ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="26" />
        <source>Nominations</source>
        <translation>指名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/menu_panel.py" line="86" />
        <source>★ Quick keys</source>
        <translation>★ クイックキー</translation>
    </message>
</context>
<context>
    <name>MoveMergeDialog</name>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="37" />
        <source>Table and guests</source>
        <translation>席と人数</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="39" />
        <source>Move to a free table</source>
        <translation>空いている卓へ移動</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="43" />
        <source>Move</source>
        <translation>移動</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="44" />
        <source>Merge this check into another table's</source>
        <translation>この伝票を別の卓の伝票に合算</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="47" />
        <source>{table} · check #{number}</source>
        <translation>{table} · 伝票 #{number}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="50" />
        <source>Merge</source>
        <translation>合算</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="55" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="61" />
        <source>Guests at the table</source>
        <translation>このテーブルの人数</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="66" />
        <source>Set guests</source>
        <translation>人数を変更</translation>
    </message>
</context>
<context>
    <name>MoveMergeHook</name>
    <message>
        <location filename="../../bp_till/gui/move_merge.py" line="115" />
        <source>Table / guests</source>
        <translation>席・人数</translation>
    </message>
</context>
<context>
    <name>Override</name>
    <message>
        <location filename="../../ui/override.ui" line="5" />
        <source>Approval needed</source>
        <translation>承認が必要です</translation>
    </message>
    <message>
        <location filename="../../ui/override.ui" line="14" />
        <source>Approved by</source>
        <translation>承認者</translation>
    </message>
    <message>
        <location filename="../../ui/override.ui" line="16" />
        <source>Their PIN</source>
        <translation>承認者のPIN</translation>
    </message>
    <message>
        <location filename="../../ui/override.ui" line="33" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/override.ui" line="34" />
        <source>Approve</source>
        <translation>承認</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../bp_till/gui/override.py" line="56" />
        <source>Nobody with that role is set up on this till.</source>
        <translation>この端末にはその権限のスタッフが登録されていません。</translation>
    </message>
</context>
<context>
    <name>Producers</name>
    <message>
        <location filename="../../ui/producers.ui" line="6" />
        <source>Producers</source>
        <translation>プロデューサー</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="9" />
        <source>Scan a card, or type a card number or login ID</source>
        <translation>カードをスキャン、またはカード番号・ログインIDを入力</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="10" />
        <source>Find</source>
        <translation>検索</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="15" />
        <source>Producer</source>
        <translation>プロデューサー</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="21" />
        <source>Recent visits</source>
        <translation>最近の来店</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="28" />
        <source>Replace lost card</source>
        <translation>紛失カードの再発行</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="29" />
        <source>Reset password</source>
        <translation>パスワード再発行</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="30" />
        <source>Give votes</source>
        <translation>投票する</translation>
    </message>
    <message>
        <location filename="../../ui/producers.ui" line="31" />
        <source>Adjust points</source>
        <translation>ポイント調整</translation>
    </message>
</context>
<context>
    <name>ProducersView</name>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="78" />
        <source>no live card</source>
        <translation>有効なカードなし</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="79" />
        <source>Login ID {login} · card {card}</source>
        <translation>ログインID {login} · カード {card}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="81" />
        <source>{rank} · votes {mult}</source>
        <translation>{rank} · 投票倍率 {mult}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="87" />
        <source>{spend} lifetime spend points · {votes} vote points to give</source>
        <translation>累計 {spend} pt · 投票できるポイント {votes} pt</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="90" />
        <source>{needed} more spend points to {rank} ({mult}).</source>
        <translation>{rank}（{mult}）まであと {needed} pt</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="94" />
        <source>The top rank.</source>
        <translation>最上位ランクです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="97" />
        <source>The central database refused {points} vote points given here on {day}: they were spent elsewhere first. They are back in the balance.</source>
        <translation>{day}にこのレジで投票した{points}ポイントは本部データベースで拒否されました（先に他で使われていたため）。残高に戻しています。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="106" />
        <source>{day}  #{number}  {total}  +{spend} pt  +{votes} votes</source>
        <translation>{day}  #{number}  {total}  +{spend} pt  投票 +{votes}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="125" />
        <source>Replace the card of producer {login}: the old card stops working.</source>
        <translation>プロデューサー {login} のカードを再発行します。古いカードは使えなくなります。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="133" />
        <source>Reset the password of producer {login}.</source>
        <translation>プロデューサー {login} のパスワードを再発行します。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="149" />
        <source>Saved. {votes} vote points left.</source>
        <translation>保存しました。投票ポイント残り {votes}。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/producers_view.py" line="165" />
        <source>Printing the new slip…</source>
        <translation>新しい用紙を印刷しています…</translation>
    </message>
</context>
<context>
    <name>RankingBoard</name>
    <message>
        <location filename="../../bp_till/gui/board.py" line="48" />
        <source>Equal points: whoever reached the total first ranks higher.</source>
        <translation>同点の場合は、先にその得点に達したキャストが上位です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="59" />
        <source>Ranking board</source>
        <translation>ランキングボード</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="115" />
        <source>Backstage Pass ranking · {month}</source>
        <translation>Backstage Pass ランキング · {month}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="131" />
        <source>Winner of {month}: {name} with {points:,} points</source>
        <translation>{month} の優勝: {name}（{points:,} ポイント）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="142" />
        <source>{mark} In tonight: {names}</source>
        <translation>{mark} 本日の出勤：{names}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="148" />
        <source>Central figures not fetched yet; showing this till's votes only.</source>
        <translation>本部の集計はまだ取得していません。このレジの投票のみ表示しています。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="150" />
        <source>Central figures of {at}</source>
        <translation>本部集計 {at} 時点</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="153" />
        <source>{n:,} points from this till on their way</source>
        <translation>このレジから送信待ち {n:,} ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="170" />
        <source>♪ On stage now (since {at})</source>
        <translation>♪ ステージ中（{at}から）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="178" />
        <source>♪ Next stage show {at}</source>
        <translation>♪ 次のステージ {at}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="179" />
        <source>♪ Next stage show {at} · in {n} min</source>
        <translation>♪ 次のステージ {at} ・ あと{n}分</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="188" />
        <source>Vote points</source>
        <translation>投票ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/board.py" line="202" />
        <source>No votes yet</source>
        <translation>まだ投票はありません</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="37" />
        <source>Ordered by mistake</source>
        <translation>誤オーダー</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="38" />
        <source>Customer changed their mind</source>
        <translation>お客様都合</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="39" />
        <source>Served late</source>
        <translation>提供遅れ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="40" />
        <source>Wrong item</source>
        <translation>商品違い</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="43" />
        <source>Guests left before ordering</source>
        <translation>注文前に退店</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/check_view.py" line="44" />
        <source>Opened by mistake</source>
        <translation>誤って開いた伝票</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="37" />
        <source>Charged to the wrong table</source>
        <translation>別テーブルに計上</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="38" />
        <source>Customer disputes the bill</source>
        <translation>お客様からの会計の申し出</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="39" />
        <source>Paid twice by mistake</source>
        <translation>二重払い</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="42" />
        <source>Item returned</source>
        <translation>返品</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="43" />
        <source>Cheki photo came out blank</source>
        <translation>チェキが写っていない</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="44" />
        <source>Charged twice</source>
        <translation>二重請求</translation>
    </message>
</context>
<context>
    <name>Receipts</name>
    <message>
        <location filename="../../ui/receipts.ui" line="8" />
        <source>Receipts</source>
        <translation>レシート</translation>
    </message>
    <message>
        <location filename="../../ui/receipts.ui" line="16" />
        <source>Reprint (REPRINT copy)</source>
        <translation>再発行（控え）</translation>
    </message>
    <message>
        <location filename="../../ui/receipts.ui" line="17" />
        <source>Void this sale</source>
        <translation>この会計を取消</translation>
    </message>
    <message>
        <location filename="../../ui/receipts.ui" line="18" />
        <source>Refund</source>
        <translation>返金</translation>
    </message>
    <message>
        <location filename="../../ui/receipts.ui" line="27" />
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/receipts.ui" line="28" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
</context>
<context>
    <name>ReceiptsView</name>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="30" />
        <source>No.</source>
        <translation>番号</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="30" />
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="31" />
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="31" />
        <source>Total</source>
        <translation>合計</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="32" />
        <source>Paid by</source>
        <translation>支払方法</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="32" />
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="34" />
        <source>settled</source>
        <translation>会計済</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="35" />
        <source>voided</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="84" />
        <source>refunded {amount}</source>
        <translation>返金 {amount}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="86" />
        <source>paid in {n} parts</source>
        <translation>{n} 件に分けて会計</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="88" />
        <source>練習 TRAINING</source>
        <translation>練習 TRAINING</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="97" />
        <source>Choose a receipt first.</source>
        <translation>先にレシートを選んでください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="108" />
        <source>Reprint receipt #{n} (marked REPRINT)</source>
        <translation>レシート #{n} を再発行（「再発行」印字）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="116" />
        <source>Why void sale #{n}?</source>
        <translation>会計 #{n} を取り消す理由は？</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="125" />
        <source>Void sale #{n} ({total}): {reason}</source>
        <translation>会計 #{n}（{total}）の取消：{reason}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="128" />
        <source>Sale #{n} is void.</source>
        <translation>会計 #{n} を取り消しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="134" />
        <source>Why refund sale #{n}?</source>
        <translation>会計 #{n} を返金する理由は？</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="143" />
        <source>Refund sale #{n} ({total}): {reason}</source>
        <translation>会計 #{n}（{total}）の返金：{reason}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="146" />
        <source>Refunded {amount} of sale #{n}.</source>
        <translation>会計 #{n} の {amount} を返金しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="167" />
        <source>Printing…</source>
        <translation>印刷中…</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="174" />
        <source>It did not print: {why}</source>
        <translation>印刷できませんでした: {why}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/receipts_view.py" line="110" />
        <source>Receipt #{n} reprinted.</source>
        <translation>レシート #{n} を再発行しました。</translation>
    </message>
</context>
<context>
    <name>Refusals</name>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="124" />
        <source>The central database refuses terminal {0}'s events: another till is set up as terminal {0} too. Give this till a number no other till uses: set [terminal] number in its bp-till.toml and start it again (its queued events take the new number). Nothing was sent; {1} events stay queued here.</source>
        <translation>本部データベースがターミナル {0} のイベントを受け付けません。別のレジもターミナル {0} として設定されています。このレジに他のレジが使っていない番号を付けてください: bp-till.toml の [terminal] number を変えて起動し直します（未送信のイベントは新しい番号になります）。何も送信されていません。未送信 {1} 件はこのレジに残っています。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="22" />
        <source>Wrong PIN ({0} tries left).</source>
        <translation>PINが違います（あと{0}回）。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="24" />
        <source>Wrong PIN. {0}'s PIN is now locked for 5 minutes.</source>
        <translation>PINが違います。{0}さんのPINは5分間ロックされました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="26" />
        <source>{0}'s PIN is locked; try again in {1} min.</source>
        <translation>{0}さんのPINはロック中です。{1}分後にもう一度お試しください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="28" />
        <source>{0} may not approve this.</source>
        <translation>{0}さんにはこの操作を承認する権限がありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="29" />
        <source>{0}: type a number.</source>
        <translation>{0}：数字を入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="31" />
        <source>{0}: {1} is not a whole number; type digits only.</source>
        <translation>{0}：{1} は数字ではありません。数字だけを入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="33" />
        <source>Check #{0} is empty: there is nothing to settle.</source>
        <translation>伝票 #{0} は空です。会計するものがありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="35" />
        <source>{0} short: the check is {1}.</source>
        <translation>{0} 不足しています（お会計 {1}）。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="37" />
        <source>Card and e-money ({0}) are more than the check ({1}).</source>
        <translation>カード・電子マネー（{0}）がお会計（{1}）を超えています。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="39" />
        <source>Card and e-money already cover the check; give the cash back.</source>
        <translation>カード・電子マネーで支払い済みです。現金はお返しください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="41" />
        <source>That card number has a typo (its check digit does not match).</source>
        <translation>カード番号に誤りがあります（チェックデジットが合いません）。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="43" />
        <source>That login ID has a typo (its check digit does not match).</source>
        <translation>ログインIDに誤りがあります（チェックデジットが合いません）。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="45" />
        <source>Scan a card (12 digits) or type a login ID (11 digits).</source>
        <translation>カード（12桁）をスキャンするか、ログインID（11桁）を入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="47" />
        <source>Card {0} was replaced; it no longer works. Ask for the new card.</source>
        <translation>カード {0} は再発行済みで使えません。新しいカードをお願いしてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="48" />
        <source>Card {0} is not known here.</source>
        <translation>カード {0} は登録されていません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="50" />
        <source>Login ID {0} is not known here.</source>
        <translation>ログインID {0} は登録されていません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="52" />
        <source>A quantity over 999 is refused; check the number.</source>
        <translation>数量が999を超えています。確認してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="53" />
        <source>A quantity must be at least 1.</source>
        <translation>数量は1以上にしてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="55" />
        <source>{0} needs the cast member it is for.</source>
        <translation>{0} はキャストの指定が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="56" />
        <source>Voiding a line needs a reason.</source>
        <translation>明細の取消には理由が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="58" />
        <source>Cancelling a check needs a reason.</source>
        <translation>伝票の取消には理由が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="60" />
        <source>A reason is at most 500 characters.</source>
        <translation>理由は500文字までです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="62" />
        <source>Guests must be a whole number from 1 to {0}.</source>
        <translation>人数は1〜{0}の数字で入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="63" />
        <source>Check #{0} is already settled.</source>
        <translation>伝票 #{0} は会計済みです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="64" />
        <source>Check #{0} is already voided.</source>
        <translation>伝票 #{0} は取消済みです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="66" />
        <source>Business day {0} is closed out; no more sales can land on it.</source>
        <translation>営業日 {0} は締め済みのため、売上を追加できません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="67" />
        <source>A payment must be more than ¥0.</source>
        <translation>支払額は¥0より大きくしてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="69" />
        <source>A payment over {0} is refused; check the amount.</source>
        <translation>{0} を超える支払いはできません。金額を確認してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="70" />
        <source>That line is already void.</source>
        <translation>その明細はすでに取消済みです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="72" />
        <source>A check needs a table name of 1 to 16 characters.</source>
        <translation>テーブル名は1〜16文字です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="74" />
        <source>The printer is offline.</source>
        <translation>プリンターがオフラインです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="76" />
        <source>The printer did not answer within {0} s. Is it on and connected?</source>
        <translation>プリンターが {0} 秒以内に応答しません。電源と接続を確認してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="78" />
        <source>The printer is out of paper. Load a new roll.</source>
        <translation>プリンターの用紙切れです。新しいロールを入れてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="80" />
        <source>The printer cover is open. Close it.</source>
        <translation>プリンターのカバーが開いています。閉じてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="82" />
        <source>The printer reports an error (paper jam or cutter). Open the cover, clear it, close it.</source>
        <translation>プリンターのエラーです（紙詰まりまたはカッター）。カバーを開けて取り除き、閉じてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="85" />
        <source>The printer refused the connection. Is it on, and is the port right?</source>
        <translation>プリンターに接続できません。電源とポートを確認してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="87" />
        <source>The connection to the printer dropped halfway; the printout is incomplete.</source>
        <translation>印刷の途中でプリンターとの接続が切れました。印刷物は不完全です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="88" />
        <source>The printer was not found: {0}</source>
        <translation>プリンターが見つかりません: {0}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="90" />
        <source>The cash drawer did not open in time; it will not open late. Use the drawer key.</source>
        <translation>ドロアが時間内に開きませんでした。後から開くことはありません。ドロアの鍵を使ってください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="93" />
        <source>The till stopped before this printed.</source>
        <translation>印刷前にレジが停止しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="96" />
        <source>1 check is still open: {0}. Settle or cancel it before closing out.</source>
        <translation>未会計の伝票が1件あります: {0}。締めの前に会計または取消してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="98" />
        <source>{0} checks are still open: {1}. Settle or cancel them before closing out.</source>
        <translation>未会計の伝票が{0}件あります: {1}。締めの前に会計または取消してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="100" />
        <source>Business day {0} is closed out already.</source>
        <translation>営業日 {0} はすでに締め済みです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="102" />
        <source>Business day {0} is closed out; refunds can be given again from 05:00.</source>
        <translation>営業日 {0} は締め済みです。返金は5:00から再びできます。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="104" />
        <source>Check #{0} belongs to business day {1}, which is closed out; refund it instead.</source>
        <translation>伝票 #{0} は締め済みの営業日 {1} のものです。返金で対応してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="106" />
        <source>Check #{0} was settled on {1}; only tonight's checks can be voided. Refund it instead.</source>
        <translation>伝票 #{0} は {1} に会計済みです。取消できるのは今夜の伝票だけです。返金で対応してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="108" />
        <source>Check #{0} has a refund already; refund the rest instead.</source>
        <translation>伝票 #{0} はすでに一部返金済みです。残りを返金してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="110" />
        <source>Check #{0} is refunded in full already.</source>
        <translation>伝票 #{0} はすでに全額返金済みです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="112" />
        <source>Voiding a settled check needs a reason.</source>
        <translation>会計の取消には理由が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="113" />
        <source>A refund needs a reason.</source>
        <translation>返金には理由が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="115" />
        <source>A points adjustment needs a reason.</source>
        <translation>ポイント調整には理由が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="117" />
        <source>The count of {0} must be from 0 to {1}.</source>
        <translation>{0} の枚数は0〜{1}です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="131" />
        <source>{0} is an event item on the menu from {1}; business day {2} is before it.</source>
        <translation>{0} はイベント商品で、{1} からの提供です。営業日 {2} はその前です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="133" />
        <source>{0} was an event item on the menu until {1}; business day {2} is after it.</source>
        <translation>{0} はイベント商品で、{1} までの提供でした。営業日 {2} はその後です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="135" />
        <source>{0} ({1}) has retired and cannot be credited.</source>
        <translation>{0}（{1}）は退店したため指定できません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="136" />
        <source>{0}: that changes nothing.</source>
        <translation>{0}：変更点がありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="138" />
        <source>{0} is on the menu already ({1}); edit it instead.</source>
        <translation>{0} はすでにメニューにあります（{1}）。編集してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="140" />
        <source>{0} is in the cast already ({1}); edit them instead.</source>
        <translation>{0} はすでにキャストにいます（{1}）。編集してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="143" />
        <source>{0} is the stage name of {1}, who has retired (the history keeps the name); a stage name belongs to one cast member.</source>
        <translation>{0} は退店した {1} の源氏名です（履歴にその名前が残ります）。源氏名は一人のキャストのものです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="146" />
        <source>{0} is the stage name of {1}; a stage name belongs to one cast member.</source>
        <translation>{0} は {1} の源氏名です。源氏名は一人のキャストのものです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="148" />
        <source>{0}: available until {1} is before available from {2}.</source>
        <translation>{0}：提供終了日 {1} が提供開始日 {2} より前です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="150" />
        <source>{0}: type a day as YYYY-MM-DD, not {1}.</source>
        <translation>{0}：日付は YYYY-MM-DD で入力してください（{1} ではなく）。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="152" />
        <source>{0} is first in its category already.</source>
        <translation>{0} はすでにカテゴリの先頭です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="154" />
        <source>{0} is last in its category already.</source>
        <translation>{0} はすでにカテゴリの最後です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="156" />
        <source>{0}: the Japanese name needs 1 to {1} characters.</source>
        <translation>{0}：日本語名は1〜{1}文字で入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="158" />
        <source>{0}: the English name needs 1 to {1} characters.</source>
        <translation>{0}：英語名は1〜{1}文字で入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="160" />
        <source>{0}: the stage name needs 1 to {1} characters.</source>
        <translation>{0}：源氏名は1〜{1}文字で入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="162" />
        <source>A menu code is 1 to 16 letters, digits, - or _; {0} is not.</source>
        <translation>商品コードは英数字・-・_ の1〜16文字です。{0} は使えません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="164" />
        <source>A cast code is 1 to 16 letters, digits, - or _; {0} is not.</source>
        <translation>キャストコードは英数字・-・_ の1〜16文字です。{0} は使えません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="166" />
        <source>A price over {0} is refused; check the amount.</source>
        <translation>{0} を超える価格は登録できません。金額を確認してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="169" />
        <source>That is {0} vote points; the producer has {1}.</source>
        <translation>{0} ポイントの投票ですが、残りは {1} ポイントです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="171" />
        <source>Choose at least one cast member to vote for.</source>
        <translation>投票するキャストを1人以上選んでください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="173" />
        <source>That would take the producer's points below zero.</source>
        <translation>ポイントがマイナスになってしまいます。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="174" />
        <source>The adjustment changes nothing.</source>
        <translation>調整の内容がありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="176" />
        <source>{0}: {1} is not a multiplier like 1.5 or 2.</source>
        <translation>{0}：{1} は 1.5 や 2 のような倍率ではありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="178" />
        <source>Multipliers start at ×1.0 and never fall as the rank rises.</source>
        <translation>倍率は×1.0から始まり、ランクが上がるほど下がってはいけません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="180" />
        <source>A rank table needs a first rank at 0 points.</source>
        <translation>ランク表の最初のランクは0ポイントから始まる必要があります。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="183" />
        <source>{0} is taken by check #{1}; merge the two checks instead.</source>
        <translation>{0}は伝票 #{1} が使用中です。移動ではなく合算してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="185" />
        <source>Check #{0} is already at {1}.</source>
        <translation>伝票 #{0} はすでに{1}です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="187" />
        <source>A check cannot be merged into itself; choose another table's check.</source>
        <translation>同じ伝票には合算できません。別の卓の伝票を選んでください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="189" />
        <source>Checks #{0} and #{1} are not both take-out or both eat-in: their tax rates differ, so they cannot be merged.</source>
        <translation>伝票 #{0} と #{1} は店内とテイクアウトが異なり、税率が違うため合算できません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="192" />
        <source>Part {0} has nothing to pay; give it a line or split into fewer parts.</source>
        <translation>{0}人目の支払いがありません。明細を割り当てるか、分割数を減らしてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="194" />
        <source>Every line of the check goes to one part or is shared, once.</source>
        <translation>伝票のすべての明細を、いずれかの分か割り勘に一度だけ割り当ててください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="196" />
        <source>Part {0} of check #{1} is paid already.</source>
        <translation>伝票 #{1} の{0}人目はすでに会計済みです。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="198" />
        <source>Check #{0} is being paid in parts; pay the other parts before it changes.</source>
        <translation>伝票 #{0} は分割会計中です。残りの分を会計してから変更してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="200" />
        <source>The lines of check #{0} changed since it was split; split it again.</source>
        <translation>伝票 #{0} は分割後に明細が変わりました。もう一度分割してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="203" />
        <source>Training checks are still open: {0}. Settle or cancel them before turning training off.</source>
        <translation>練習の伝票がまだ開いています: {0}。練習モードを終える前に、会計するか取り消してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="206" />
        <source>The till is in training: no producer card is issued. A manager turns training off in Settings first.</source>
        <translation>練習モード中のため、プロデューサーカードは発行できません。先に店長が設定で練習モードを終えてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="209" />
        <source>The till is in training: no card is replaced. A manager turns training off in Settings first.</source>
        <translation>練習モード中のため、カードの再発行はできません。先に店長が設定で練習モードを終えてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="212" />
        <source>The till is in training: no password is reset. A manager turns training off in Settings first.</source>
        <translation>練習モード中のため、パスワードの再設定はできません。先に店長が設定で練習モードを終えてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="215" />
        <source>The till is in training: no vote points are spent. A manager turns training off in Settings first.</source>
        <translation>練習モード中のため、投票ポイントは使えません。先に店長が設定で練習モードを終えてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="218" />
        <source>The till is in training: no points are adjusted. A manager turns training off in Settings first.</source>
        <translation>練習モード中のため、ポイントの調整はできません。先に店長が設定で練習モードを終えてください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="221" />
        <source>Check #{0} was a training check: it is in no figures and credited nothing, so there is nothing to void or refund.</source>
        <translation>伝票 #{0} は練習の伝票です。売上にもポイントにも入っていないため、取消や返金はありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/refusals.py" line="224" />
        <source>Checks #{0} and #{1} are not both training checks: a practice check cannot be merged with a real sale.</source>
        <translation>伝票 #{0} と #{1} の一方だけが練習の伝票です。練習の伝票は本番の売上と合算できません。</translation>
    </message>
</context>
<context>
    <name>RosterView</name>
    <message>
        <location filename="../../bp_till/gui/roster_view.py" line="37" />
        <source>Tonight's cast</source>
        <translation>本日の出勤</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/roster_view.py" line="41" />
        <source>Name, romaji or code</source>
        <translation>名前・ローマ字・コード</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/roster_view.py" line="46" />
        <location filename="../../bp_till/gui/roster_view.py" line="102" />
        <source>Save tonight's roster</source>
        <translation>出勤を保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/roster_view.py" line="87" />
        <source>{n} on the floor tonight</source>
        <translation>本日の出勤 {n}名</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/roster_view.py" line="89" />
        <source>no roster saved yet tonight</source>
        <translation>まだ保存されていません</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/roster_view.py" line="107" />
        <source>Tonight's roster is saved: {n} on the floor.</source>
        <translation>本日の出勤を保存しました（{n}名）。</translation>
    </message>
</context>
<context>
    <name>SetChoice</name>
    <message>
        <location filename="../../bp_till/gui/set_choice.py" line="38" />
        <source>{minutes} min</source>
        <translation>{minutes}分</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/settings.ui" line="6" />
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="9" />
        <source>Language</source>
        <translation>言語</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="13" />
        <source>Apply</source>
        <translation>適用</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="16" />
        <source>This till</source>
        <translation>この端末</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="22" />
        <source>Rank table (a manager's PIN to save)</source>
        <translation>ランク表（保存には店長のPIN）</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="28" />
        <source>Add a rank</source>
        <translation>ランクを追加</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="29" />
        <source>Remove the chosen rank</source>
        <translation>選んだランクを削除</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="30" />
        <source>Save as a new version</source>
        <translation>新しい版として保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="39" />
        <source>The till's clock</source>
        <translation>レジの時計</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="42" />
        <source>The clock is right (manager)</source>
        <translation>時計は正しい（店長）</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="28" />
        <source>Rank</source>
        <translation>ランク</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="29" />
        <location filename="../../bp_till/gui/settings_view.py" line="139" />
        <source>From spend points</source>
        <translation>必要な累計ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="30" />
        <location filename="../../bp_till/gui/settings_view.py" line="140" />
        <source>Vote multiplier</source>
        <translation>投票倍率</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="52" />
        <source>Menu &amp;&amp; cast…</source>
        <translation>メニューとキャスト…</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="55" />
        <source>Menu and cast</source>
        <translation>メニューとキャスト</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="56" />
        <source>Screen colours</source>
        <translation>画面の配色</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="92" />
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="92" />
        <source>Dark (evenings)</source>
        <translation>ダーク（夜の営業向け）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="110" />
        <source>The clock reads {now}. If a sale was refused because the clock was set back, check the time, then a manager confirms it here.</source>
        <translation>時計は {now} を示しています。時計が戻されたため会計が拒否された場合は、時刻を確認し、店長がここで確定してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="118" />
        <source>Confirm that the till's clock is right</source>
        <translation>レジの時計が正しいことを確定</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="119" />
        <source>The clock is confirmed; settling works again.</source>
        <translation>時計を確定しました。会計できるようになりました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="125" />
        <source>Version {v} in force</source>
        <translation>第{v}版を適用中</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="126" />
        <source>The café's default ranks (never changed)</source>
        <translation>店の標準ランク（未変更）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="150" />
        <source>Save a new rank table</source>
        <translation>新しいランク表を保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settings_view.py" line="155" />
        <source>Rank table version {v} is in force; checks already rung up keep their multiplier.</source>
        <translation>ランク表 第{v}版を適用しました。入力済みの伝票は元の倍率のままです。</translation>
    </message>
</context>
<context>
    <name>Settle</name>
    <message>
        <location filename="../../ui/settle.ui" line="14" />
        <source>Cash received</source>
        <translation>お預かり（現金）</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="16" />
        <source>Exact</source>
        <translation>ちょうど</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="17" />
        <source>Credit card</source>
        <translation>クレジットカード</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="19" />
        <source>Rest by card</source>
        <translation>残りをカードで</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="20" />
        <source>E-money</source>
        <translation>電子マネー</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="22" />
        <source>Rest by e-money</source>
        <translation>残りを電子マネーで</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="28" />
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="37" />
        <source>Producer</source>
        <translation>プロデューサー</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="41" />
        <source>New producer (first visit)</source>
        <translation>新規プロデューサー（初来店）</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="52" />
        <source>Done: back to the floor</source>
        <translation>完了：フロアへ戻る</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="59" />
        <source>Back to the check (Esc)</source>
        <translation>伝票に戻る (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="60" />
        <source>Card: all of it</source>
        <translation>カード：全額</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="60" />
        <source>When the card terminal has approved the whole total: one tap takes the payment.</source>
        <translation>カード端末で全額が承認されたら、ワンタップで会計します。</translation>
    </message>
    <message>
        <location filename="../../ui/settle.ui" line="61" />
        <source>Take payment (Enter)</source>
        <translation>お会計確定 (Enter)</translation>
    </message>
</context>
<context>
    <name>SettleView</name>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="29" />
        <source>Cash received</source>
        <translation>お預かり（現金）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="30" />
        <source>Credit card</source>
        <translation>クレジットカード</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="31" />
        <source>E-money</source>
        <translation>電子マネー</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="87" />
        <source>Check #{number} · {table}</source>
        <translation>伝票 #{number} · {table}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="89" />
        <source>To pay {total}</source>
        <translation>お会計 {total}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="92" />
        <source>{rank}: +{spend} spend and +{votes} vote points on this check.</source>
        <translation>{rank}：この伝票で +{spend} pt、投票 +{votes} pt</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="94" />
        <source>No producer card: a first visit can get one now.</source>
        <translation>プロデューサーカードなし：初来店ならここで発行できます。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="97" />
        <source>Card: all {total}</source>
        <translation>カード：全額 {total}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="118" />
        <source>{short} still to pay</source>
        <translation>あと {short} 不足</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="125" />
        <location filename="../../bp_till/gui/settle_view.py" line="173" />
        <source>Change {change}</source>
        <translation>お釣り {change}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="127" />
        <source>Cash of {limit} or more: this receipt needs a revenue stamp (収入印紙).</source>
        <translation>現金 {limit} 以上：このレシートには収入印紙が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="174" />
        <source>Paid. No change.</source>
        <translation>お支払い完了。お釣りなし。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="176" />
        <source>Check #{number} settled.</source>
        <translation>伝票 #{number} を会計しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="188" />
        <source>Printing the receipt…</source>
        <translation>レシートを印刷しています…</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="195" />
        <source>The receipt did not print: {why} The sale is saved; print it again from Receipts.</source>
        <translation>レシートを印刷できませんでした: {why} 会計は保存済みです。「レシート」から印刷し直してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="202" />
        <source>Receipt</source>
        <translation>レシート</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/settle_view.py" line="198" />
        <location filename="../../bp_till/gui/settle_view.py" line="199" />
        <source>Receipt printed.</source>
        <translation>レシートを印刷しました。</translation>
    </message>
</context>
<context>
    <name>ShowsEditor</name>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="21" />
        <source>Stage shows (a manager's PIN to save)</source>
        <translation>ステージ（保存には店長のPIN）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="23" />
        <source>First show (HH:MM)</source>
        <translation>最初のステージ（時:分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="24" />
        <source>Last show (HH:MM)</source>
        <translation>最後のステージ（時:分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="25" />
        <location filename="../../bp_till/gui/shows_editor.py" line="44" />
        <source>Every (minutes)</source>
        <translation>間隔（分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="26" />
        <location filename="../../bp_till/gui/shows_editor.py" line="45" />
        <source>Each lasts (minutes)</source>
        <translation>1回の長さ（分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="29" />
        <source>Save the show schedule</source>
        <translation>ステージの予定を保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="33" />
        <source>Version {v} in force</source>
        <translation>バージョン{v}を適用中</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="34" />
        <source>The café's default: a show at the start of every hour</source>
        <translation>初期設定：毎正時にステージ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="42" />
        <source>First show</source>
        <translation>最初のステージ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="43" />
        <source>Last show</source>
        <translation>最後のステージ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="51" />
        <source>Save a new stage show schedule</source>
        <translation>ステージの予定を新しく保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/shows_editor.py" line="55" />
        <source>Show schedule version {v} is in force.</source>
        <translation>ステージの予定バージョン{v}を適用しました。</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <location filename="../../ui/sign_in.ui" line="5" />
        <location filename="../../ui/sign_in.ui" line="17" />
        <location filename="../../ui/sign_in.ui" line="63" />
        <source>Sign in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.ui" line="30" />
        <source>Staff</source>
        <translation>スタッフ</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.ui" line="32" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.ui" line="40" />
        <source>4–6 digits</source>
        <translation>4〜6桁</translation>
    </message>
    <message>
        <location filename="../../ui/sign_in.ui" line="55" />
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
</context>
<context>
    <name>SignInView</name>
    <message>
        <location filename="../../bp_till/gui/sign_in.py" line="45" />
        <source>No staff yet: run `bp-till init` first.</source>
        <translation>スタッフが未登録です。先に `bp-till init` を実行してください。</translation>
    </message>
</context>
<context>
    <name>SlipFailed</name>
    <message>
        <location filename="../../ui/slip_failed.ui" line="5" />
        <source>The card slip did not print</source>
        <translation>カード用紙を印刷できませんでした</translation>
    </message>
    <message>
        <location filename="../../ui/slip_failed.ui" line="9" />
        <source>The card is already on the account and the sale goes on. Retry prints the slip with a new password (whatever came out is void). Give up voids the password; a manager can reset it later.</source>
        <translation>カードはすでに登録済みで、会計はそのまま続けられます。「再試行」は新しいパスワードで用紙を印刷します（途中まで出た用紙は無効）。「あきらめる」とパスワードは無効になり、後で店長が再発行できます。</translation>
    </message>
    <message>
        <location filename="../../ui/slip_failed.ui" line="12" />
        <source>Give up</source>
        <translation>あきらめる</translation>
    </message>
    <message>
        <location filename="../../ui/slip_failed.ui" line="13" />
        <source>Retry</source>
        <translation>再試行</translation>
    </message>
</context>
<context>
    <name>SlipFlow</name>
    <message>
        <location filename="../../bp_till/gui/slip_flow.py" line="55" />
        <source>Card {card} for producer {login}.</source>
        <translation>プロデューサー {login} のカード {card}。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/slip_flow.py" line="58" />
        <location filename="../../bp_till/gui/slip_flow.py" line="59" />
        <source>The slip is printed.</source>
        <translation>用紙を印刷しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/slip_flow.py" line="61" />
        <source>Producer card slip</source>
        <translation>プロデューサーカード用紙</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/slip_flow.py" line="66" />
        <source>The slip did not print: {why}</source>
        <translation>用紙を印刷できませんでした: {why}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/slip_flow.py" line="77" />
        <source>Printing the slip again…</source>
        <translation>用紙を印刷し直しています…</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/slip_flow.py" line="85" />
        <source>No slip: the password is void. A manager can reset it.</source>
        <translation>用紙なし：パスワードは無効です。店長が再発行できます。</translation>
    </message>
</context>
<context>
    <name>SplitDialog</name>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="36" />
        <source>Split check #{number}</source>
        <translation>伝票 #{number} を分割</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="42" />
        <source>Parts (guests)</source>
        <translation>分割数（人数）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="52" />
        <source>Split</source>
        <translation>分割する</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="56" />
        <source>scan a card</source>
        <translation>カードをスキャン</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="58" />
        <source>Cash</source>
        <translation>現金</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="58" />
        <source>Card</source>
        <translation>カード</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="58" />
        <source>E-money</source>
        <translation>電子マネー</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="62" />
        <source>Producer card</source>
        <translation>プロデューサーカード</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="63" />
        <source>Paid by</source>
        <translation>支払方法</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="64" />
        <source>Handed over (¥)</source>
        <translation>お預かり（円）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="66" />
        <source>Pay this part</source>
        <translation>この分を会計</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="70" />
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="77" />
        <source>Shared</source>
        <translation>割り勘</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="79" />
        <source>Part {n}</source>
        <translation>{n}人目</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="90" />
        <source>Part {n}: {total}</source>
        <translation>{n}人目: {total}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="92" />
        <source>+{spend} points</source>
        <translation>+{spend} ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="100" />
        <source>Handed over</source>
        <translation>お預かり</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="110" />
        <source>Part {n}: {total} · paid</source>
        <translation>{n}人目: {total} · 会計済</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="117" />
        <source>Part {n} paid; change {change}.</source>
        <translation>{n}人目の会計済み。お釣り {change}。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="121" />
        <source>{login}: +{spend} spend and +{votes} vote points.</source>
        <translation>{login}：累計 +{spend}・投票 +{votes} ポイント。</translation>
    </message>
</context>
<context>
    <name>SplitHook</name>
    <message>
        <location filename="../../bp_till/gui/split_pay.py" line="136" />
        <source>Split check</source>
        <translation>分割会計</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <location filename="../../bp_till/gui/status.py" line="81" />
        <source>Sync stopped: the central database refuses terminal {n}'s events (another till has this number; see the tip)</source>
        <translation>同期停止: 本部データベースがターミナル {n} のイベントを受け付けません（別のレジが同じ番号です。詳細はヒントを参照）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="72" />
        <source>{n} events waiting</source>
        <translation>未送信 {n} 件</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="68" />
        <source>Synced with the central database.</source>
        <translation>本部データベースと同期しました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="76" />
        <source>Sync off</source>
        <translation>同期オフ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="78" />
        <source>Sync: sending…</source>
        <translation>同期: 送信中…</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="85" />
        <source>Sync: central database unreachable, next try {at}</source>
        <translation>同期: 本部データベースに接続できません。次回 {at}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="90" />
        <source>Sales go on: they are kept and sent once it is back.</source>
        <translation>販売は続けられます。記録は保存され、復旧後に送信されます。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="93" />
        <source>Synced {at}</source>
        <translation>同期済み {at}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="95" />
        <source>Sync: starting</source>
        <translation>同期: 開始中</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="102" />
        <source>Printer: {problem}</source>
        <translation>プリンター: {problem}</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="105" />
        <source>Sales go on; receipts wait in Receipts to print again.</source>
        <translation>販売は続けられます。レシートは「レシート」画面から再印刷できます。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="108" />
        <source>Printer: ready</source>
        <translation>プリンター: 準備完了</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="111" />
        <source>paper low</source>
        <translation>用紙残りわずか</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="113" />
        <source>{n} printing</source>
        <translation>印刷待ち {n} 件</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="115" />
        <source>{n} receipts to print again</source>
        <translation>再印刷が必要なレシート {n} 件</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/status.py" line="59" />
        <source>Business day {day}</source>
        <translation>営業日 {day}</translation>
    </message>
</context>
<context>
    <name>StayEditor</name>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="32" />
        <source>Sets and extensions (a manager's PIN to save)</source>
        <translation>セットと延長（保存には店長の暗証番号）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="36" />
        <source>Table charge</source>
        <translation>テーブルチャージ</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="36" />
        <source>Price</source>
        <translation>価格</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="36" />
        <source>Set (minutes)</source>
        <translation>セット（分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="40" />
        <source>A table opens on</source>
        <translation>卓を開くときのセット</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="42" />
        <source>Extension charge (per guest)</source>
        <translation>延長料金（1名ごと）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="44" />
        <location filename="../../bp_till/gui/stay_editor.py" line="100" />
        <source>Each extension (minutes)</source>
        <translation>延長1回（分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="45" />
        <location filename="../../bp_till/gui/stay_editor.py" line="101" />
        <source>Warn before the time (minutes)</source>
        <translation>時間前の警告（分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="46" />
        <source>Grace before it adds itself (minutes)</source>
        <translation>自動延長までの猶予（分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="49" />
        <source>Add the extension by itself after the grace period</source>
        <translation>猶予を過ぎたら延長を自動で追加する</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="52" />
        <source>In force from (YYYY-MM-DD)</source>
        <translation>適用開始日（YYYY-MM-DD）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="53" />
        <source>Save the sets and extensions</source>
        <translation>セットと延長を保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="58" />
        <source>Version {v}, in force from {day}</source>
        <translation>バージョン {v}（{day} から適用）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="60" />
        <source>The café's default: 90 minutes, table charges rung up by hand</source>
        <translation>店の既定：90分、テーブルチャージは手で登録</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="85" />
        <source>In force from: type a day as YYYY-MM-DD.</source>
        <translation>適用開始日：YYYY-MM-DD の形で入力してください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="93" />
        <source>{code} opens every table, so it needs a set's minutes.</source>
        <translation>{code} はすべての卓を開くセットなので、セットの分数が必要です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="96" />
        <source>Grace (minutes)</source>
        <translation>猶予（分）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="109" />
        <source>Save new sets and extensions</source>
        <translation>新しいセットと延長を保存</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/stay_editor.py" line="113" />
        <source>Sets and extensions version {v} is saved; tables already seated keep their time.</source>
        <translation>セットと延長のバージョン {v} を保存しました。着席中の卓は元の時間のままです。</translation>
    </message>
</context>
<context>
    <name>TrainingBox</name>
    <message>
        <location filename="../../bp_till/gui/training_box.py" line="29" />
        <source>Training (a manager's PIN)</source>
        <translation>練習モード（店長の PIN）</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/training_box.py" line="49" />
        <source>Training is on since {at} ({by}): checks opened now are practice, marked 練習 / TRAINING, with no points, no cards and nothing in the close-out.</source>
        <translation>{at} から練習モードです（{by}）。いま開く伝票は練習用で、練習 / TRAINING と印字され、ポイント・カード発行・締めの集計はありません。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/training_box.py" line="53" />
        <location filename="../../bp_till/gui/training_box.py" line="61" />
        <source>Turn training off</source>
        <translation>練習モードを終える</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/training_box.py" line="55" />
        <source>Training is off: every check is a real sale.</source>
        <translation>練習モードはオフです。すべての伝票が本番の売上です。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/training_box.py" line="56" />
        <location filename="../../bp_till/gui/training_box.py" line="61" />
        <source>Turn training on</source>
        <translation>練習モードを始める</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/training_box.py" line="68" />
        <source>Training is on.</source>
        <translation>練習モードを始めました。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/training_box.py" line="69" />
        <source>Training is off; checks are real sales again.</source>
        <translation>練習モードを終えました。伝票は本番の売上に戻ります。</translation>
    </message>
</context>
<context>
    <name>Votes</name>
    <message>
        <location filename="../../ui/votes.ui" line="5" />
        <source>Give vote points</source>
        <translation>投票ポイントを使う</translation>
    </message>
    <message>
        <location filename="../../ui/votes.ui" line="9" />
        <source>Name, romaji or code</source>
        <translation>名前・ローマ字・コード</translation>
    </message>
    <message>
        <location filename="../../ui/votes.ui" line="13" />
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../ui/votes.ui" line="15" />
        <source>Add</source>
        <translation>追加</translation>
    </message>
    <message>
        <location filename="../../ui/votes.ui" line="22" />
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../ui/votes.ui" line="23" />
        <source>Give the votes</source>
        <translation>投票を確定</translation>
    </message>
</context>
<context>
    <name>VotesDialog</name>
    <message>
        <location filename="../../bp_till/gui/points_dialogs.py" line="56" />
        <source>Choose a cast member first.</source>
        <translation>先にキャストを選んでください。</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/points_dialogs.py" line="58" />
        <source>Points</source>
        <translation>ポイント</translation>
    </message>
    <message>
        <location filename="../../bp_till/gui/points_dialogs.py" line="74" />
        <source>{login}: {balance} vote points · giving {giving} · left {left}</source>
        <translation>{login}：投票ポイント {balance} · 今回 {giving} · 残り {left}</translation>
    </message>
</context>
<context>
    <name>flow</name>
    <message>
        <location filename="../../bp_till/gui/slip_flow.py" line="104" />
        <source>Issuing a card and printing its slip…</source>
        <translation>カードを発行し、用紙を印刷しています…</translation>
    </message>
</context>
</TS>