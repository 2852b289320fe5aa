"""Writes the cross-year corpus (articles.jsonl, gold.jsonl) from the articles below, and checks them.

The articles are written for hoinghi (no copied text). A figure is marked in an article as
``[[Q|number as written|unit|subject|kind|bound|year]]`` (shown as "number unit") or
``[[P|percent as written|numerator|denominator|subject|kind|year]]`` (shown as "percent%"), so the
gold facts (ANNOTATION.md) come from the same lines as the text. Run: python3 make_corpus.py
series.gold.jsonl and findings.gold.jsonl are written by hand beside it.
"""
import json
import re
from pathlib import Path

HERE = Path(__file__).parent
MARK = re.compile(r"\[\[(Q|P)\|([^\]]*)\]\]")


def number(text):
    text = text.split()[-1]
    return float(text.replace(".", "").replace(",", ".")) if ("," in text or len(text.split(".")[-1]) == 3) else float(text)


def render(marked):
    text, quantities, percentages = "", [], []
    pos = 0
    for m in MARK.finditer(marked):
        text += marked[pos:m.start()]
        f = m.group(2).split("|")
        if m.group(1) == "Q":
            written, unit, subject, kind, bound, year = (f + [""] * 6)[:6]
            text += f"{written} {unit}"
            quantities.append({"value": number(written), "unit": unit, "bound": bound or None, "kind": kind,
                               "year": int(year) if year else None, "subject": subject})
        else:
            written, num, den, subject, kind, year = (f + [""] * 6)[:6]
            text += f"{written}%"
            percentages.append({"value": number(written), "numerator": int(num) if num else None,
                                "denominator": int(den) if den else None, "kind": kind,
                                "year": int(year) if year else None, "subject": subject})
        pos = m.end()
    return text + marked[pos:], quantities, percentages


A = []  # (id, url, meeting_date, host, marked text)

# 1. Hội Nông dân tỉnh Quảng Nam: yearly review, targets set and met or missed.
A.append(("QNA_HND_2022", "https://baoquangnam.vn/hoi-nong-dan-tong-ket-2022-a1.html", "2022-12-20", "Hội Nông dân tỉnh",
  "Ngày 20/12, Hội Nông dân tỉnh tổ chức hội nghị tổng kết công tác Hội năm 2022. Trong năm, các cấp Hội đã kết nạp [[Q|2.415|hội viên|hội viên mới|result||2022]], nâng tổng số hội viên toàn tỉnh lên [[Q|118.240|hội viên|tổng số hội viên|result||]]. Năm 2023, Hội phấn đấu kết nạp [[Q|2.500|hội viên|hội viên mới|target||2023]] và vận động [[Q|1.200|hộ|hộ đạt danh hiệu sản xuất, kinh doanh giỏi|target||2023]] đạt danh hiệu sản xuất, kinh doanh giỏi."))
A.append(("QNA_HND_2023", "https://baoquangnam.vn/hoi-nong-dan-tinh-tong-ket-nam-2023-a2.html", "2023-12-22", "HND tỉnh Quảng Nam",
  "Sáng 22/12, HND tỉnh Quảng Nam tổng kết công tác Hội và phong trào nông dân năm 2023. Năm 2023, toàn tỉnh kết nạp [[Q|2.812|hội viên|hội viên mới|result||2023]]; có [[Q|1.150|hộ|hộ đạt danh hiệu sản xuất, kinh doanh giỏi|result||2023]] đạt danh hiệu sản xuất, kinh doanh giỏi. Tổng số hội viên đến cuối năm là [[Q|120.105|hội viên|tổng số hội viên|result||]]. Hội đặt chỉ tiêu năm 2024 kết nạp [[Q|3.000|hội viên|hội viên mới|target||2024]]."))
A.append(("QNA_HND_2023b", "https://vietnamnongthon.vn/quang-nam-nong-dan-2023.html", "2023-12-22", "Hội Nông dân tỉnh Quảng Nam",
  "Hội Nông dân tỉnh Quảng Nam vừa tổng kết năm 2023. Theo báo cáo, trong năm các cơ sở Hội kết nạp [[Q|gần 2.820|hội viên|hội viên mới|result|about|]], tổng số hội viên toàn tỉnh đạt [[Q|hơn 120.000|hội viên|tổng số hội viên|result|over|]]."))
A.append(("QNA_HND_2024", "https://baoquangnam.vn/nong-dan-quang-nam-tong-ket-nam-2024-a3.html", "2024-12-19", "Hội Nông dân tỉnh Quảng Nam",
  "Ngày 19/12, Hội Nông dân tỉnh Quảng Nam tổ chức hội nghị tổng kết năm 2024. Năm 2024, các cấp Hội kết nạp [[Q|2.640|hội viên|hội viên mới|result||2024]], tổng số hội viên [[Q|121.480|hội viên|tổng số hội viên|result||]]. Quỹ Hỗ trợ nông dân các cấp đạt [[Q|86,5|tỷ đồng|Quỹ Hỗ trợ nông dân|result||]]."))
A.append(("QNA_HND_2025", "https://baoquangnam.vn/hoi-nong-dan-so-ket-6-thang-2025-a4.html", "2025-06-10", "Hội Nông dân tỉnh Quảng Nam",
  "Ngày 10/6, Hội Nông dân tỉnh Quảng Nam sơ kết 6 tháng đầu năm 2025. Nhìn lại năm 2024, Hội đã kết nạp [[Q|2.640|hội viên|hội viên mới|result||2024]], đạt [[P|88|2640|3000|chỉ tiêu kết nạp hội viên mới|result|2024]] chỉ tiêu đề ra."))

# 2. Hội Nông dân tỉnh Quảng Ninh: a province of a similar name, figures close to Quảng Nam's.
A.append(("QNI_HND_2022", "https://baoquangninh.vn/hoi-nong-dan-tinh-tong-ket-2022.html", "2022-12-15", "Hội Nông dân tỉnh",
  "Chiều 15/12, Hội Nông dân tỉnh tổng kết công tác năm 2022. Trong năm, các cấp Hội kết nạp [[Q|2.398|hội viên|hội viên mới|result||2022]]; tổng số hội viên toàn tỉnh là [[Q|96.510|hội viên|tổng số hội viên|result||]]."))
A.append(("QNI_HND_2023", "https://baoquangninh.vn/nong-dan-quang-ninh-2023.html", "2023-12-14", "HND tỉnh Quảng Ninh",
  "Ngày 14/12, HND tỉnh Quảng Ninh tổng kết năm 2023. Năm 2023, toàn tỉnh kết nạp [[Q|2.560|hội viên|hội viên mới|result||2023]], nâng tổng số hội viên lên [[Q|97.830|hội viên|tổng số hội viên|result||]]."))
A.append(("QNI_HND_2024", "https://baoquangninh.vn/hoi-nong-dan-quang-ninh-tong-ket-2024.html", "2024-12-17", "Hội Nông dân tỉnh Quảng Ninh",
  "Hội Nông dân tỉnh Quảng Ninh tổng kết công tác Hội năm 2024 vào ngày 17/12. Năm 2024, Hội kết nạp [[Q|2.705|hội viên|hội viên mới|result||2024]], tăng [[P|5,66|||hội viên mới|other|]] so với năm 2023; tổng số hội viên [[Q|99.120|hội viên|tổng số hội viên|result||]]."))

# 3. Liên đoàn Lao động tỉnh Bến Tre, then tỉnh Vĩnh Long after the July 2025 merger.
A.append(("BTR_LDLD_2022", "https://baodongkhoi.vn/ldld-tinh-tong-ket-2022-a10.html", "2022-12-28", "LĐLĐ tỉnh",
  "Ngày 28-12, LĐLĐ tỉnh tổng kết hoạt động công đoàn năm 2022. Trong năm, các cấp công đoàn phát triển [[Q|3.120|đoàn viên|đoàn viên mới|result||2022]], thành lập [[Q|41|công đoàn cơ sở|công đoàn cơ sở mới|result||2022]]."))
A.append(("BTR_LDLD_2023", "https://baodongkhoi.vn/lien-doan-lao-dong-tinh-tong-ket-2023-a11.html", "2023-12-27", "Liên đoàn Lao động tỉnh",
  "Sáng 27-12, Liên đoàn Lao động tỉnh tổ chức hội nghị tổng kết năm 2023. Năm 2023, công đoàn các cấp kết nạp [[Q|3.450|đoàn viên|đoàn viên mới|result||2023]], tăng [[P|10,58|||đoàn viên mới|other|]] so với năm 2022, và thành lập [[Q|38|công đoàn cơ sở|công đoàn cơ sở mới|result||2023]]."))
A.append(("BTR_LDLD_2024", "https://baodongkhoi.vn/ldld-ben-tre-tong-ket-2024-a12.html", "2024-12-26", "Liên đoàn Lao động tỉnh Bến Tre",
  "Ngày 26-12, Liên đoàn Lao động tỉnh Bến Tre tổng kết công tác năm 2024. Trong năm 2024 đã phát triển [[Q|3.610|đoàn viên|đoàn viên mới|result||2024]] và thành lập [[Q|35|công đoàn cơ sở|công đoàn cơ sở mới|result||2024]]."))
A.append(("VLG_LDLD_2025", "https://baovinhlong.vn/ldld-tinh-vinh-long-tong-ket-2025-a13.html", "2025-12-24", "Liên đoàn Lao động tỉnh Vĩnh Long",
  "Ngày 24-12, Liên đoàn Lao động tỉnh Vĩnh Long (sau hợp nhất) tổng kết năm 2025. Năm 2025, công đoàn các cấp trong tỉnh phát triển [[Q|9.870|đoàn viên|đoàn viên mới|result||2025]], tăng [[P|8,3|||đoàn viên mới|other|]] so với năm 2024 (tính chung ba tỉnh cũ), thành lập [[Q|102|công đoàn cơ sở|công đoàn cơ sở mới|result||2025]]."))

# 4. Thanh tra tỉnh Nam Định: two papers a year, one rounded, one in conflict.
A.append(("NDI_TT_2022", "https://baonamdinh.vn/thanh-tra-tinh-tong-ket-2022.html", "2023-01-06", "Thanh tra tỉnh",
  "Ngày 6/1, Thanh tra tỉnh tổng kết công tác thanh tra năm 2022. Năm 2022, toàn ngành triển khai [[Q|1.180|cuộc|thanh tra hành chính|result||2022]] thanh tra hành chính và [[Q|2.460|cuộc|thanh tra, kiểm tra chuyên ngành|result||2022]] thanh tra, kiểm tra chuyên ngành; phát hiện sai phạm về kinh tế [[Q|38,2|tỷ đồng|sai phạm về kinh tế|result||]]."))
A.append(("NDI_TT_2023", "https://baonamdinh.vn/thanh-tra-nam-dinh-tong-ket-2023.html", "2024-01-05", "Thanh tra tỉnh Nam Định",
  "Sáng 5/1, Thanh tra tỉnh Nam Định tổ chức hội nghị tổng kết công tác năm 2023. Trong năm 2023, toàn ngành đã tiến hành [[Q|1.245|cuộc|thanh tra hành chính|result||2023]] thanh tra hành chính và [[Q|2.530|cuộc|thanh tra, kiểm tra chuyên ngành|result||2023]] thanh tra, kiểm tra chuyên ngành, kiến nghị thu hồi [[Q|41,7|tỷ đồng|kiến nghị thu hồi|result||]]."))
A.append(("NDI_TT_2023b", "https://thanhtra.vn/nam-dinh-thanh-tra-2023.html", "2024-01-05", "Thanh tra tỉnh Nam Định",
  "Thanh tra tỉnh Nam Định vừa tổng kết công tác năm 2023. Năm qua, ngành thanh tra tỉnh thực hiện [[Q|hơn 1.200|cuộc|thanh tra hành chính|result|over|]] thanh tra hành chính, kiến nghị thu hồi [[Q|gần 42|tỷ đồng|kiến nghị thu hồi|result|about|]]."))
A.append(("NDI_TT_2024", "https://baonamdinh.vn/thanh-tra-tinh-tong-ket-2024.html", "2025-01-08", "Thanh tra tỉnh Nam Định",
  "Ngày 8/1, Thanh tra tỉnh Nam Định tổng kết năm 2024. Năm 2024, toàn ngành thực hiện [[Q|1.310|cuộc|thanh tra hành chính|result||2024]] thanh tra hành chính và [[Q|2.615|cuộc|thanh tra, kiểm tra chuyên ngành|result||2024]] thanh tra, kiểm tra chuyên ngành."))
A.append(("NDI_TT_2024b", "https://thanhtra.vn/nam-dinh-tong-ket-nganh-2024.html", "2025-01-08", "Thanh tra tỉnh",
  "Thanh tra tỉnh Nam Định tổng kết công tác năm 2024 ngày 8/1. Theo báo cáo, trong năm 2024 đã tiến hành [[Q|1.130|cuộc|thanh tra hành chính|result||2024]] thanh tra hành chính, phát hiện sai phạm về kinh tế [[Q|27,4|tỷ đồng|sai phạm về kinh tế|result||2024]]."))

# 5. Văn phòng Tỉnh ủy Cao Bằng: percentages against their own fractions.
A.append(("CBA_VPTU_2022", "https://baocaobang.vn/van-phong-tinh-uy-tong-ket-2022.html", "2022-12-30", "Văn phòng Tỉnh uỷ",
  "Chiều 30/12, Văn phòng Tỉnh uỷ tổng kết công tác năm 2022. Năm 2022, Văn phòng hoàn thành [[P|100|32|32|nhiệm vụ trong chương trình công tác|result|2022]] (32/32) nhiệm vụ trong chương trình công tác; thẩm định [[Q|214|văn bản|văn bản trình Thường trực Tỉnh ủy|result||2022]] trình Thường trực Tỉnh ủy."))
A.append(("CBA_VPTU_2023", "https://baocaobang.vn/vp-tinh-uy-tong-ket-nam-2023.html", "2023-12-29", "VP Tỉnh uỷ Cao Bằng",
  "Ngày 29/12, VP Tỉnh uỷ Cao Bằng tổ chức hội nghị tổng kết năm 2023. Trong năm, Văn phòng đạt [[P|95|19|21|chỉ tiêu|result|2023]] (19/21 chỉ tiêu); thẩm định [[Q|236|văn bản|văn bản trình Thường trực Tỉnh ủy|result||2023]] trình Thường trực Tỉnh ủy."))
A.append(("CBA_VPTU_2024", "https://baocaobang.vn/van-phong-tinh-uy-cao-bang-2024.html", "2024-12-27", "Văn phòng Tỉnh uỷ tỉnh Cao Bằng",
  "Ngày 27/12, Văn phòng Tỉnh uỷ tỉnh Cao Bằng tổng kết công tác năm 2024. Năm 2024, Văn phòng xử lý đúng hạn [[P|98,6|69|70|hồ sơ trọng điểm|result|2024]] (69/70) hồ sơ trọng điểm; thẩm định [[Q|251|văn bản|văn bản trình Thường trực Tỉnh ủy|result||2024]] trình Thường trực Tỉnh ủy."))
A.append(("CBA_VPTU_2024b", "https://caobang.gov.vn/vp-tinh-uy-2024.html", "2024-12-27", "Văn phòng Tỉnh ủy Cao Bằng",
  "Văn phòng Tỉnh ủy Cao Bằng tổng kết năm 2024. Năm qua, Văn phòng thẩm định [[Q|251|văn bản|văn bản trình Thường trực Tỉnh ủy|result||]] trình Thường trực Tỉnh ủy và hoàn thành [[P|96,67|29|30|nhiệm vụ|result|2024]] (29/30) nhiệm vụ."))

# 6. Kiểm toán Nhà nước: sums of parts, a restated year.
A.append(("KTNN_2022", "https://baotintuc.vn/ktnn-tong-ket-2022.html", "2022-12-28", "KTNN",
  "Ngày 28/12, KTNN tổng kết công tác năm 2022. Năm 2022, KTNN kiến nghị xử lý tài chính [[Q|31.620|tỷ đồng|kiến nghị xử lý tài chính|result||2022]], gồm tăng thu ngân sách [[Q|7.210|tỷ đồng|tăng thu ngân sách|result||]], giảm chi [[Q|9.480|tỷ đồng|giảm chi|result||]] và kiến nghị khác [[Q|14.930|tỷ đồng|kiến nghị khác|result||]]; phát hành [[Q|245|báo cáo|báo cáo kiểm toán|result||2022]]."))
A.append(("KTNN_2023", "https://baotintuc.vn/kiem-toan-nha-nuoc-tong-ket-2023.html", "2023-12-27", "Kiểm toán Nhà nước",
  "Sáng 27/12, Kiểm toán Nhà nước tổ chức hội nghị tổng kết năm 2023. Trong năm 2023, toàn ngành kiến nghị xử lý tài chính [[Q|21.430|tỷ đồng|kiến nghị xử lý tài chính|result||2023]], gồm tăng thu [[Q|6.120|tỷ đồng|tăng thu ngân sách|result||]], giảm chi [[Q|8.950|tỷ đồng|giảm chi|result||]] và kiến nghị khác [[Q|7.360|tỷ đồng|kiến nghị khác|result||]]; phát hành [[Q|261|báo cáo|báo cáo kiểm toán|result||2023]]."))
A.append(("KTNN_2023b", "https://vneconomy.vn/ktnn-nam-2023.html", "2023-12-27", "Kiểm toán Nhà nước",
  "Kiểm toán Nhà nước vừa tổng kết năm 2023. Năm 2023, KTNN phát hành [[Q|261|báo cáo|báo cáo kiểm toán|result||2023]], kiến nghị xử lý tài chính [[Q|hơn 21.400|tỷ đồng|kiến nghị xử lý tài chính|result|over|2023]], trong đó tăng thu [[Q|6.120|tỷ đồng|tăng thu ngân sách|result||]] và giảm chi [[Q|8.950|tỷ đồng|giảm chi|result||]]."))
A.append(("KTNN_2024", "https://baotintuc.vn/ktnn-tong-ket-nam-2024.html", "2024-12-30", "Kiểm toán Nhà nước",
  "Ngày 30/12, Kiểm toán Nhà nước tổng kết công tác năm 2024. Năm 2024, KTNN kiến nghị xử lý tài chính [[Q|28.960|tỷ đồng|kiến nghị xử lý tài chính|result||2024]], trong đó tăng thu ngân sách [[Q|8.040|tỷ đồng|tăng thu ngân sách|result||]] và giảm chi [[Q|10.220|tỷ đồng|giảm chi|result||]]. Về kết quả năm 2022, KTNN đã kiến nghị xử lý tài chính [[Q|29.870|tỷ đồng|kiến nghị xử lý tài chính|result||2022]]."))

# 7. Đảng bộ tỉnh Lâm Đồng: growth stated against the year before, delegates of similar names.
A.append(("LDO_DB_2022", "https://baolamdong.vn/dang-bo-tinh-tong-ket-2022.html", "2023-01-12", "Tỉnh ủy Lâm Đồng",
  "Ngày 12/1, Tỉnh ủy Lâm Đồng tổng kết công tác xây dựng Đảng năm 2022. Năm 2022, toàn Đảng bộ kết nạp [[Q|1.405|đảng viên|đảng viên mới|result||2022]]; tổng số đảng viên [[Q|hơn 61.000|đảng viên|tổng số đảng viên|result|over|]]."))
A.append(("LDO_DB_2023", "https://baolamdong.vn/tinh-uy-lam-dong-tong-ket-2023.html", "2024-01-10", "Tỉnh ủy Lâm Đồng",
  "Sáng 10/1, Tỉnh ủy Lâm Đồng tổ chức hội nghị tổng kết năm 2023. Năm 2023, toàn Đảng bộ kết nạp [[Q|1.520|đảng viên|đảng viên mới|result||2023]], tăng [[P|8,2|||đảng viên mới|other|]] so với năm 2022; tổng số đảng viên [[Q|62.350|đảng viên|tổng số đảng viên|result||]]."))
A.append(("LDO_DB_2024", "https://baolamdong.vn/tinh-uy-tong-ket-nam-2024.html", "2025-01-09", "Tỉnh ủy Lâm Đồng",
  "Ngày 9/1, Tỉnh ủy Lâm Đồng tổng kết công tác năm 2024. Trong năm 2024, toàn Đảng bộ kết nạp [[Q|1.640|đảng viên|đảng viên mới|result||2024]], tăng [[P|12,5|||đảng viên mới|other|]] so với năm 2023."))
A.append(("LDO_DB_2024b", "https://nhandan.vn/lam-dong-ket-nap-dang-vien-2024.html", "2025-01-09", "Tỉnh ủy Lâm Đồng",
  "Tỉnh ủy Lâm Đồng vừa tổng kết năm 2024. Năm 2024, Đảng bộ tỉnh kết nạp [[Q|1.640|đảng viên|đảng viên mới|result||2024]]; có [[Q|350|đại biểu|đại biểu chính thức|result||]] chính thức dự hội nghị trên tổng số [[Q|370|đại biểu|tổng số đại biểu|result||]] được triệu tập."))

# 8. Hội Liên hiệp Phụ nữ tỉnh Nghệ An: parts under "trong đó", a planted sum over its total.
A.append(("NAN_LHPN_2022", "https://baonghean.vn/hoi-lhpn-tinh-tong-ket-2022.html", "2022-12-21", "Hội LHPN tỉnh",
  "Ngày 21/12, Hội LHPN tỉnh Nghệ An tổng kết công tác Hội năm 2022. Trong năm, các cấp Hội kết nạp [[Q|4.210|hội viên|hội viên mới|result||2022]], trong đó [[Q|1.350|hội viên|hội viên là người dân tộc thiểu số|result||]] là người dân tộc thiểu số và [[Q|980|hội viên|hội viên là công nhân|result||]] là công nhân."))
A.append(("NAN_LHPN_2023", "https://baonghean.vn/phu-nu-nghe-an-tong-ket-2023.html", "2023-12-20", "Hội LHPN tỉnh Nghệ An",
  "Sáng 20/12, Hội LHPN tỉnh Nghệ An tổ chức hội nghị tổng kết năm 2023. Năm 2023, các cấp Hội hỗ trợ [[Q|3.600|hộ|hộ phụ nữ nghèo|result||2023]] phụ nữ nghèo, gồm [[Q|2.150|hộ|hộ phụ nữ nghèo vùng miền núi|result||]] ở vùng miền núi và [[Q|1.720|hộ|hộ phụ nữ nghèo vùng đồng bằng|result||]] ở vùng đồng bằng; kết nạp [[Q|4.385|hội viên|hội viên mới|result||2023]]."))
A.append(("NAN_LHPN_2024", "https://baonghean.vn/hoi-lhpn-nghe-an-tong-ket-2024.html", "2024-12-19", "Hội Liên hiệp Phụ nữ tỉnh Nghệ An",
  "Ngày 19/12, Hội Liên hiệp Phụ nữ tỉnh Nghệ An tổng kết năm 2024. Năm 2024, toàn tỉnh kết nạp [[Q|4.502|hội viên|hội viên mới|result||2024]] và hỗ trợ [[Q|3.240|hộ|hộ phụ nữ nghèo|result||2024]] phụ nữ nghèo, gồm [[Q|1.940|hộ|hộ phụ nữ nghèo vùng miền núi|result||]] ở vùng miền núi và [[Q|1.300|hộ|hộ phụ nữ nghèo vùng đồng bằng|result||]] ở vùng đồng bằng."))
A.append(("NAN_LHPN_2024b", "https://phunuvietnam.vn/nghe-an-phu-nu-2024.html", "2024-12-19", "Hội LHPN tỉnh Nghệ An",
  "Hội LHPN tỉnh Nghệ An tổng kết công tác năm 2024. Năm 2024, các cấp Hội kết nạp [[Q|hơn 4.500|hội viên|hội viên mới|result|over|]], hỗ trợ [[Q|3.240|hộ|hộ phụ nữ nghèo|result||2024]] phụ nữ nghèo."))

# 9. Ủy ban nhân dân tỉnh Hà Tĩnh: budget revenue targets set and results.
A.append(("HTI_UBND_2022", "https://baohatinh.vn/ubnd-tinh-tong-ket-2022.html", "2022-12-26", "UBND tỉnh",
  "Ngày 26/12, UBND tỉnh Hà Tĩnh tổ chức hội nghị tổng kết năm 2022. Năm 2022, tổng thu ngân sách nhà nước trên địa bàn đạt [[Q|21.500|tỷ đồng|tổng thu ngân sách nhà nước trên địa bàn|result||2022]]. Năm 2023, tỉnh phấn đấu thu ngân sách [[Q|15.000|tỷ đồng|tổng thu ngân sách nhà nước trên địa bàn|target||2023]]."))
A.append(("HTI_UBND_2023", "https://baohatinh.vn/ubnd-ha-tinh-tong-ket-2023.html", "2023-12-27", "UBND tỉnh Hà Tĩnh",
  "Sáng 27/12, UBND tỉnh Hà Tĩnh tổng kết năm 2023. Năm 2023, tổng thu ngân sách nhà nước trên địa bàn đạt [[Q|16.820|tỷ đồng|tổng thu ngân sách nhà nước trên địa bàn|result||2023]]. Năm 2024, tỉnh đặt chỉ tiêu thu ngân sách [[Q|18.500|tỷ đồng|tổng thu ngân sách nhà nước trên địa bàn|target||2024]]."))
A.append(("HTI_UBND_2024", "https://baohatinh.vn/ubnd-tinh-ha-tinh-tong-ket-2024.html", "2024-12-25", "UBND tỉnh Hà Tĩnh",
  "Ngày 25/12, UBND tỉnh Hà Tĩnh tổng kết công tác năm 2024. Năm 2024, tổng thu ngân sách nhà nước trên địa bàn ước đạt [[Q|17.900|tỷ đồng|tổng thu ngân sách nhà nước trên địa bàn|result||2024]]; giải quyết việc làm cho [[Q|23.400|lao động|lao động được giải quyết việc làm|result||2024]]."))
A.append(("HTI_UBND_2024b", "https://vnexpress.net/ha-tinh-thu-ngan-sach-2024.html", "2024-12-25", "UBND tỉnh Hà Tĩnh",
  "UBND tỉnh Hà Tĩnh cho biết năm 2024 tổng thu ngân sách nhà nước trên địa bàn đạt [[Q|gần 17.900|tỷ đồng|tổng thu ngân sách nhà nước trên địa bàn|result|about|2024]], giải quyết việc làm cho [[Q|23.400|lao động|lao động được giải quyết việc làm|result||2024]]."))

# 10. Hội Cựu chiến binh tỉnh Thái Bình, then tỉnh Hưng Yên: the series stops at the merger.
A.append(("TBI_HCCB_2023", "https://baothaibinh.com.vn/hoi-ccb-tinh-tong-ket-2023.html", "2023-12-18", "Hội Cựu chiến binh tỉnh",
  "Ngày 18/12, Hội Cựu chiến binh tỉnh Thái Bình tổng kết công tác Hội năm 2023. Năm 2023, Hội kết nạp [[Q|1.020|hội viên|hội viên mới|result||2023]]; tổng số hội viên [[Q|71.400|hội viên|tổng số hội viên|result||]]."))
A.append(("TBI_HCCB_2024", "https://baothaibinh.com.vn/hoi-ccb-thai-binh-tong-ket-2024.html", "2024-12-17", "Hội Cựu chiến binh tỉnh Thái Bình",
  "Sáng 17/12, Hội Cựu chiến binh tỉnh Thái Bình tổng kết năm 2024. Năm 2024, Hội kết nạp [[Q|980|hội viên|hội viên mới|result||2024]]; tổng số hội viên [[Q|71.950|hội viên|tổng số hội viên|result||]]."))
A.append(("HYE_HCCB_2025", "https://baohungyen.vn/hoi-ccb-tinh-hung-yen-tong-ket-2025.html", "2025-12-16", "Hội Cựu chiến binh tỉnh Hưng Yên",
  "Ngày 16/12, Hội Cựu chiến binh tỉnh Hưng Yên (mới) tổng kết năm 2025. Năm 2025, Hội kết nạp [[Q|1.870|hội viên|hội viên mới|result||2025]]; tổng số hội viên [[Q|128.300|hội viên|tổng số hội viên|result||]]."))

A.append(("HYE_HCCB_2025b", "https://qdnd.vn/hung-yen-cuu-chien-binh-2025.html", "2025-12-16", "Hội CCB tỉnh Hưng Yên",
  "Hội Cựu chiến binh tỉnh Hưng Yên vừa tổng kết công tác năm 2025. Trong năm, Hội kết nạp [[Q|1.870|hội viên|hội viên mới|result||2025]], tổng số hội viên toàn tỉnh [[Q|hơn 128.000|hội viên|tổng số hội viên|result|over|]]."))
A.append(("BTR_LDLD_2024b", "https://laodongbentre.vn/ldld-tong-ket-2024.html", "2024-12-26", "LĐLĐ tỉnh Bến Tre",
  "LĐLĐ tỉnh Bến Tre tổng kết năm 2024. Trong năm, các cấp công đoàn phát triển [[Q|hơn 3.600|đoàn viên|đoàn viên mới|result|over|]], tăng [[P|4,6|||đoàn viên mới|other|]] so với năm 2023."))


def main():
    arts, gold = [], []
    for doc_id, url, date, host, marked in A:
        text, qs, ps = render(marked)
        arts.append({"id": doc_id, "text": text, "url": url, "published": date})
        gold.append({"doc_id": doc_id, "meeting_date": date, "host": host, "awards": [], "percentages": ps,
                     "quantities": qs})
    (HERE / "articles.jsonl").write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    (HERE / "gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold), encoding="utf-8")
    print(len(arts), "articles")


if __name__ == "__main__":
    main()
