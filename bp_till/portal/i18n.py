"""The portal's words in Japanese (the default) and English.

Each message has a key; the pages say ``t("key", name=…)``. A producer picks
the language with the switch in the header, kept in a cookie; without one,
the page is Japanese. Rank names of the default table are translated; a
rank a manager named himself is shown as he wrote it.
"""

from __future__ import annotations

LANGUAGES = ("ja", "en")
DEFAULT = "ja"

MESSAGES: dict[str, tuple[str, str]] = {
    # header, footer, navigation
    "site": ("{shop} 公式サイト", "{shop} official site"),
    "nav.me": ("マイページ", "My page"),
    "nav.vote": ("投票する", "Vote"),
    "nav.board": ("ランキング", "Ranking"),
    "nav.password": ("パスワード変更", "Change password"),
    "nav.logout": ("ログアウト", "Log out"),
    "nav.login": ("ログイン", "Log in"),
    "lang.other": ("English", "日本語"),
    # login
    "login.title": ("プロデューサーログイン", "Producer login"),
    "login.lead": ("カードと一緒にお渡しした用紙のQRコードを読み取るか、ログインIDとパスワードを入力してください。",
                   "Scan the QR code on the slip you got with your card, or type your login ID and password."),
    "login.id": ("ログインID", "Login ID"),
    "login.password": ("パスワード", "Password"),
    "login.submit": ("ログイン", "Log in"),
    "login.scanning": ("QRコードの内容でログインしています…", "Logging in with the QR code…"),
    "login.wrong": ("ログインIDまたはパスワードが違います。",
                    "The login ID or the password is wrong."),
    "login.typo": ("ログインIDに入力ミスがあります（チェック数字が合いません）。",
                   "That login ID has a typo (its check digit does not match)."),
    "login.id_digits": ("ログインIDは11桁の数字です。", "A login ID has 11 digits."),
    "login.locked_login": ("このログインIDは間違いが続いたため、{minutes}分間ログインできません。",
                           "Too many wrong tries for this login ID: try again in {minutes} min."),
    "login.locked_address": ("この端末からの間違いが続いたため、{minutes}分間ログインできません。",
                             "Too many wrong tries from this device: try again in {minutes} min."),
    "login.ended": ("パスワードが変更されたため、ログアウトしました。もう一度ログインしてください。",
                    "Your password was changed, so you were logged out. Please log in again."),
    "login.needed": ("ログインしてください。", "Please log in."),
    "logout.done": ("ログアウトしました。", "You are logged out."),
    # producer page
    "me.title": ("マイページ", "My page"),
    "me.login_id": ("ログインID {login}", "Login ID {login}"),
    "me.rank": ("ランク", "Rank"),
    "me.multiplier": ("投票ポイント {multiplier}", "Vote points {multiplier}"),
    "me.spend": ("累計ポイント", "Lifetime points"),
    "me.next": ("{rank}まであと{points}ポイント", "{points} points to {rank}"),
    "me.top": ("最高ランクです", "The top rank"),
    "me.votes": ("投票できるポイント", "Vote points to give"),
    "me.vote_now": ("推しに投票する", "Vote for your favourites"),
    "me.visits": ("最近のご来店", "Recent visits"),
    "me.no_visits": ("まだご来店の記録がありません。", "No visits yet."),
    "me.given": ("投票の履歴", "Votes given"),
    "me.no_votes": ("まだ投票していません。", "No votes yet."),
    "me.refused": ("受け付けられなかった投票", "Votes not accepted"),
    "me.refused_why": ("{points}ポイント（ほかで先に使われたため）。ポイントは戻っています。",
                       "{points} points (spent elsewhere first); the points are back."),
    "visit.check": ("お会計", "Check"),
    "visit.void": ("取消", "Voided"),
    "visit.refund": ("返金", "Refund"),
    "visit.points": ("{spend} pt / 投票 {vote}", "{spend} pt / votes {vote}"),  # signed figures
    "vote.at_till": ("店頭", "at the café"),
    "vote.on_site": ("サイト", "on the site"),
    # votes
    "vote.title": ("推しに投票", "Vote for your favourites"),
    "vote.balance": ("投票できるポイント：{points}", "Vote points to give: {points}"),
    "vote.search": ("キャスト名・ローマ字で検索", "Search by stage name or romaji"),
    "vote.search_go": ("検索", "Search"),
    "vote.points": ("ポイント", "points"),
    "vote.submit": ("投票する", "Give votes"),
    "vote.none_found": ("「{q}」に当てはまるキャストはいません。", "No cast member matches “{q}”."),
    "vote.done": ("{points}ポイントを投票しました。残り{left}ポイントです。",
                  "You gave {points} vote points; {left} left."),
    "vote.again": ("この投票はすでに受け付け済みです（二重には数えません）。",
                   "These votes were counted already (never twice)."),
    "vote.nothing": ("投票するキャストのポイントを入力してください。",
                     "Type the points for at least one cast member."),
    "vote.not_number": ("{name}：「{typed}」は数字ではありません。",
                        "{name}: “{typed}” is not a whole number."),
    "vote.too_many": ("一度に投票できるのは{max}ポイントまでです。",
                      "At most {max} points at once."),
    "vote.over": ("{total}ポイントの投票ですが、投票できるポイントは{balance}です。",
                  "That is {total} vote points; you have {balance}."),
    "vote.unknown_cast": ("そのキャストは見つかりません。", "No such cast member."),
    "vote.bad_form": ("フォームが壊れています。ページを読み込み直してください。",
                      "The form is garbled; reload the page and try again."),
    # board
    "board.title": ("{month}の月間ランキング", "Monthly ranking, {month}"),
    "board.points": ("{points} pt", "{points} pt"),
    "board.empty": ("今月はまだ投票がありません。", "No votes yet this month."),
    "board.winner": ("{month}の優勝：{name}（{points} pt）", "Winner of {month}: {name} ({points} pt)"),
    "board.no_winner": ("{month}は投票がありませんでした。", "Nobody got a vote in {month}."),
    "board.tie": ("同点の場合は、先にその得点に達したキャストが上位です。",
                  "Equal points: whoever reached the total first ranks higher."),
    "board.month_turns": ("月の区切りは毎月1日の朝5時（日本時間）です。",
                          "The month turns at 05:00 on the 1st, Tokyo time."),
    "board.chart": ("上位{n}名の得票", "Votes of the top {n}"),
    # password
    "password.title": ("パスワード変更", "Change password"),
    "password.lead": ("新しいパスワードは12文字以上。大文字・小文字、O と 0、I・L と 1 は区別しません。",
                      "A new password has at least 12 characters. Case, O and 0, I, L and 1 count as the same."),
    "password.current": ("今のパスワード", "Current password"),
    "password.new": ("新しいパスワード", "New password"),
    "password.again": ("新しいパスワード（確認）", "New password again"),
    "password.submit": ("変更する", "Change"),
    "password.done": ("パスワードを変更しました。前のパスワードはもう使えません。",
                      "Your password is changed; the old one no longer works."),
    "password.wrong": ("今のパスワードが違います。", "The current password is wrong."),
    "password.mismatch": ("確認のパスワードが一致しません。", "The two new passwords differ."),
    "password.length": ("新しいパスワードは12〜64文字です（ハイフンと空白は数えません）。",
                        "A new password has 12 to 64 characters, not counting dashes and spaces."),
    "password.ascii": ("新しいパスワードには英数字と記号だけが使えます。",
                       "A new password has letters, digits and ASCII symbols only."),
    "password.variety": ("新しいパスワードには5種類以上の文字を使ってください。",
                         "A new password needs at least 5 different characters."),
    "password.same": ("新しいパスワードが今のものと同じです。", "The new password is the same as the current one."),
    "password.raced": ("パスワードがほかで変更されました。もう一度ログインしてください。",
                       "The password was changed elsewhere; log in again."),
    # errors
    "error.csrf": ("このフォームは期限切れです。ページを読み込み直してから、もう一度お試しください。",
                   "This form has expired: reload the page and try again."),
    "error.not_found": ("ページが見つかりません。", "Page not found."),
    "error.central": ("ただいま混み合っています。しばらくしてからもう一度お試しください。",
                      "The site cannot reach its database just now; please try again shortly."),
    "error.title": ("エラー", "Error"),
    "error.back": ("戻る", "Back"),
}

RANK_NAMES: dict[str, str] = {
    "Regular": "レギュラー", "Bronze": "ブロンズ", "Silver": "シルバー", "Gold": "ゴールド",
    "Platinum": "プラチナ", "Legend": "レジェンド",
}


def language(chosen: str | None) -> str:
    return chosen if chosen in LANGUAGES else DEFAULT


def translate(lang: str, key: str, **values: object) -> str:
    ja, en = MESSAGES[key]
    return (en if lang == "en" else ja).format(**values)


def rank_name(lang: str, name: str) -> str:
    return RANK_NAMES.get(name, name) if lang == "ja" else name
