"""Search latency on a large archive: generate records, index them, time typical searches.

    python scripts/bench_search.py                      # 100,000 records, temporary SQLite archive
    python scripts/bench_search.py -n 20000 --db /tmp/bench.db --keep

The records are synthetic but read like the corpus: meetings of Vietnamese
bodies (Sở Y tế tỉnh Điện Biên, Huyện đoàn Mường Khương, ...) chaired and
attended by people with titles, awards with counts and issuers, and target,
result and vote percentages, every fact with its evidence offsets. Prints the
indexing time and, per kind of search, p50/p95/max latency of the whole
``Archive.search`` call (query, loading the hits, marking their sentences).
Target: p95 under 100 ms. Not a test: the numbers depend on the machine.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from hoinghi.pipeline.archive import open_archive  # noqa: E402
from hoinghi.schemas import ArticleFacts  # noqa: E402
from hoinghi.schemas.models import text_sha1  # noqa: E402

FAMILY = ("Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Đinh Mai Trịnh Đoàn "
          "Lò Giàng Vàng Hà Cầm Tòng Lường Quàng Sùng Mùa Triệu Nông Ma Lục Hầu Thào Tạ Chu Kiều").split()
MIDDLE = ("Văn Thị Đức Minh Hữu Quang Thanh Ngọc Xuân Thu Anh Công Đình Quốc Mạnh Kim Hồng Bảo Tiến "
          "Trọng Thế Hải Phương A Seo").split()
GIVEN = ("An Bình Cường Dũng Hà Hải Hạnh Hùng Hương Khánh Lan Linh Long Mai Minh Nam Nga Phong Phương Quân "
         "Sơn Tâm Thắng Thảo Trang Tuấn Xuân Yến Đạt Kiên Páo Sình Dình Tính Khiêm Lợi Nhung Huyền Thưởng "
         "Hặc Pánh Mỷ Vần Tú Giang Huệ Oanh Lực Chiến Thủy Uyên Vinh Hiếu Trung Nghĩa Hòa Thái Tùng").split()
PLACES = ("tỉnh Điện Biên", "tỉnh Lào Cai", "tỉnh Yên Bái", "tỉnh Hà Giang", "tỉnh Lai Châu", "tỉnh Sơn La",
          "tỉnh Cao Bằng", "tỉnh Tuyên Quang", "tỉnh Thái Nguyên", "tỉnh Bắc Ninh", "tỉnh Quảng Nam",
          "tỉnh Lâm Đồng", "tỉnh Đắk Lắk", "thành phố Đà Nẵng", "huyện Mường Khương", "huyện Si Ma Cai",
          "huyện Tủa Chùa", "huyện Bảo Yên", "huyện Định Hóa", "huyện Mường Nhé", "huyện Bát Xát",
          "thị xã Mường Lay", "huyện Đồng Văn", "huyện Quản Bạ", "huyện Phong Thổ", "huyện Than Uyên")
BODY_KINDS = ("Sở Y tế", "Sở Tư pháp", "Sở Giáo dục và Đào tạo", "Sở Tài chính", "Sở Nội vụ",
              "Sở Văn hóa, Thể thao và Du lịch", "Văn phòng Tỉnh ủy", "Văn phòng Huyện ủy", "Ủy ban nhân dân",
              "Hội Nông dân", "Hội Liên hiệp Phụ nữ", "Hội Cựu chiến binh", "Huyện đoàn", "Liên đoàn Lao động",
              "Bệnh viện Đa khoa", "Trung tâm Y tế", "Công an", "Cục Thuế", "Ủy ban MTTQ Việt Nam",
              "Kho bạc Nhà nước", "Bảo hiểm xã hội", "Trường Cao đẳng Cộng đồng")
TITLES = ("Giám đốc", "Phó Giám đốc", "Bí thư Đảng ủy", "Phó Bí thư Thường trực Huyện ủy", "Chủ tịch UBND",
          "Phó Chủ tịch UBND", "Chủ tịch Công đoàn cơ sở", "Trưởng phòng Tổ chức cán bộ", "Chánh Văn phòng",
          "Ủy viên Ban Thường vụ Tỉnh ủy", "Trưởng Ban Dân vận", "Chủ tịch Hội", "Hiệu trưởng", "Cục trưởng")
AWARDS = ("Lao động tiên tiến", "Chiến sĩ thi đua cơ sở", "Hoàn thành xuất sắc nhiệm vụ",
          "Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến", "Cờ thi đua", "Chiến sĩ thi đua cấp tỉnh",
          "Hoàn thành tốt nhiệm vụ", "Huy hiệu 30 năm tuổi Đảng", "Kỷ niệm chương Vì sự nghiệp Công đoàn")
ISSUERS = ("Giám đốc Sở", "Chủ tịch UBND tỉnh", "Ban Thường vụ Huyện ủy", "Liên đoàn Lao động tỉnh",
           "Bộ trưởng Bộ Y tế", "Thủ tướng Chính phủ", "Trung ương Hội Nông dân Việt Nam", "Chủ tịch UBND huyện")
MEETINGS = ("Hội nghị cán bộ, công chức", "Hội nghị viên chức và người lao động",
            "Hội nghị tổng kết công tác", "Hội nghị người lao động", "Hội nghị sơ kết 6 tháng",
            "Đại hội đại biểu", "Kỳ họp thứ {n} HĐND")
RESULTS = ("thu ngân sách", "kế hoạch tiêm chủng", "chỉ tiêu kết nạp hội viên", "tỷ lệ hồ sơ giải quyết đúng hạn",
           "công suất sử dụng giường bệnh", "tỷ lệ học sinh lên lớp", "chỉ tiêu phát triển đoàn viên",
           "tổng sản lượng lương thực", "tỷ lệ bao phủ bảo hiểm y tế", "văn bản điện tử gửi đi")
FILLERS = (
    "Hội nghị đã thông qua báo cáo tổng kết phong trào thi đua và phương hướng, nhiệm vụ năm tới.",
    "Các đại biểu đã thẳng thắn thảo luận, đóng góp ý kiến vào dự thảo Quy chế chi tiêu nội bộ.",
    "Trong năm, đơn vị đã làm tốt công tác tuyên truyền, phổ biến chủ trương của Đảng, chính sách, pháp luật của Nhà nước.",
    "Bên cạnh kết quả đạt được, hội nghị cũng chỉ ra những tồn tại, hạn chế cần khắc phục.",
    "Công tác cải cách hành chính, chuyển đổi số tiếp tục được quan tâm chỉ đạo.",
    "Đời sống vật chất, tinh thần của cán bộ, người lao động từng bước được nâng lên.",
    "Hội nghị đã bầu Ban Thanh tra nhân dân nhiệm kỳ mới gồm 3 đồng chí.",
    "Phong trào thi đua yêu nước được triển khai sâu rộng, thu hút đông đảo đoàn viên tham gia.",
    "Công tác phòng, chống tham nhũng, lãng phí được thực hiện nghiêm túc.",
    "Các khoa, phòng đã phối hợp chặt chẽ, hoàn thành tốt nhiệm vụ chuyên môn được giao.",
)


class _Text:
    """Builds an article and the evidence of each piece as it goes."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0

    def add(self, piece: str) -> dict[str, object]:
        ev = {"start": self.size, "end": self.size + len(piece), "text": piece}
        self.parts.append(piece)
        self.size += len(piece)
        return ev

    def text(self) -> str:
        return "".join(self.parts)


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def make_record(i: int, rng: random.Random) -> ArticleFacts:
    """One realistic synthetic article with its facts."""
    year = rng.randint(2015, 2025)
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    host = f"{rng.choice(BODY_KINDS)} {rng.choice(PLACES)}"
    meeting = rng.choice(MEETINGS).format(n=rng.randint(2, 20)) + f" năm {year - 1}"
    t = _Text()
    t.add("Sáng ngày ")
    date_ev = t.add(f"{day:02d}/{month:02d}/{year}")
    t.add(", ")
    host_ev = t.add(host)
    t.add(" tổ chức ")
    title_ev = t.add(meeting)
    t.add(".\n")
    people = []
    for j in range(rng.randint(2, 6)):
        t.add("Tham dự có đồng chí " if j else "Chủ trì hội nghị có đồng chí ")
        name_ev = t.add(_name(rng))
        t.add(", ")
        title = f"{rng.choice(TITLES)} {rng.choice(BODY_KINDS)} {rng.choice(PLACES)}"
        title_ev = t.add(title)
        t.add(".\n" if rng.random() < 0.3 else ". ")
        people.append({"name": name_ev["text"], "titles": [title], "roles": ["attendee" if j else "chair"],
                       "evidence": [name_ev], "title_evidence": [title_ev]})
    for _ in range(rng.randint(3, 8)):
        t.add(rng.choice(FILLERS) + " ")
    percentages = []
    for kind in rng.sample(["result", "target", "vote", "result"], rng.randint(1, 4)):
        value = round(rng.uniform(60, 120), 1) if kind != "vote" else 100.0
        subject = rng.choice(RESULTS)
        if kind == "vote":
            t.add("Hội nghị biểu quyết thông qua Nghị quyết với ")
            ev = t.add(f"{value:g}%")
            t.add(" đại biểu nhất trí. ")
            subject = "đại biểu"
        elif kind == "target":
            t.add(f"Năm {year}, đơn vị phấn đấu đạt ")
            ev = t.add(f"{value:g}%".replace(".", ","))
            t.add(f" {subject}. ")
        else:
            t.add(f"Năm {year - 1}, {subject} đạt ")
            ev = t.add(f"{value:g}%".replace(".", ","))
            t.add(" kế hoạch. ")
        percentages.append({"value": value, "kind": kind, "year": year if kind == "target" else year - 1,
                            "subject": subject, "rule": "bench", "evidence": ev})
    awards = []
    if rng.random() < 0.8:
        issuer, award = rng.choice(ISSUERS), rng.choice(AWARDS)
        t.add(f"\nDịp này, {issuer} tặng Giấy khen cho ")
        ev_c = t.add(f"{rng.randint(1, 30)} tập thể")
        t.add(" và ")
        ev_i = t.add(f"{rng.randint(1, 90)} cá nhân")
        t.add(f" đạt danh hiệu “{award}” năm {year - 1}. ")
        for ev, who in ((ev_c, "collective"), (ev_i, "individual")):
            awards.append({"title": award, "issuer": issuer, "recipient": who, "count": int(str(ev["text"]).split()[0]),
                           "year": year - 1, "rule": "bench", "evidence": ev})
    for _ in range(rng.randint(2, 6)):
        t.add(rng.choice(FILLERS) + " ")
    text = t.text()
    return ArticleFacts.model_validate({
        "doc_id": f"bench_{i:06d}", "text_sha1": text_sha1(text), "text": text,
        "meta": {"published": f"{year}-{month:02d}-{day:02d}", "source": "bench"},
        "meeting": {"date": f"{year}-{month:02d}-{day:02d}", "host": host, "title": meeting,
                    "date_evidence": date_ev, "host_evidence": host_ev, "title_evidence": title_ev},
        "dates": [{"day": day, "month": month, "year": year, "iso": f"{year}-{month:02d}-{day:02d}",
                   "year_from": "text", "is_meeting": True, "rule": "bench", "evidence": date_ev}],
        "people": people, "awards": awards, "percentages": percentages,
    })


def records(n: int, seed: int) -> Iterator[ArticleFacts]:
    rng = random.Random(seed)
    for i in range(n):
        yield make_record(i, rng)


def searches(rng: random.Random) -> dict[str, Callable[[], dict[str, object]]]:
    """Kinds of search an analyst runs, each drawing fresh arguments."""
    def plain_name() -> str:
        from hoinghi.pipeline.archive.fold import fold_words
        return fold_words(_name(rng))

    return {
        "name, no diacritics": lambda: {"text": plain_name()},
        "name, with diacritics": lambda: {"text": _name(rng)},
        "--person": lambda: {"person": plain_name()},
        "--person --year": lambda: {"person": plain_name(), "year": rng.randint(2015, 2025)},
        "body words --year": lambda: {"text": "", "body": rng.choice(BODY_KINDS), "year": rng.randint(2015, 2025)},
        "--award --year": lambda: {"award": rng.choice(AWARDS), "year": rng.randint(2015, 2025)},
        "words + --kind target": lambda: {"text": rng.choice(RESULTS), "kind": "target"},
        "common words (hoi nghi can bo)": lambda: {"text": "hội nghị cán bộ"},
        "common word (uỷ ban)": lambda: {"text": "uỷ ban"},
        "place + body": lambda: {"text": rng.choice(PLACES), "body": rng.choice(BODY_KINDS)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, default=100_000, help="records to generate (default 100000)")
    parser.add_argument("--db", type=Path, help="archive path (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="keep the archive; with --db, reuse it if it exists")
    parser.add_argument("--runs", type=int, default=30, help="runs of each kind of search")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    tmp = None
    if args.db is None:
        tmp = tempfile.TemporaryDirectory()
        args.db = Path(tmp.name) / "bench.db"
    with open_archive(args.db) as archive:
        have = archive.counts()["articles"]
        if have < args.n:
            start = time.perf_counter()
            report = archive.index_records(records(args.n, args.seed), batch_size=2000)
            took = time.perf_counter() - start
            print(f"indexed {args.n:,} records in {took:.0f} s ({args.n / took:,.0f}/s): {report}")
        size = sum(p.stat().st_size for p in args.db.parent.glob(args.db.name + "*"))
        print(f"archive: {archive.counts()['articles']:,} articles, {size / 2**20:,.0f} MiB")
        rng = random.Random(args.seed + 1)
        all_times: list[float] = []
        print(f"{'search':<32} {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7} {'hits':>5}")
        for label, draw in searches(rng).items():
            times, hits = [], 0
            for _ in range(args.runs):
                kwargs = draw()
                text = str(kwargs.pop("text", ""))
                start = time.perf_counter()
                found = archive.search(text, **kwargs)  # type: ignore[arg-type]
                times.append((time.perf_counter() - start) * 1000)
                hits += len(found)
            all_times += times
            q = statistics.quantiles(times, n=20)
            print(f"{label:<32} {statistics.median(times):7.1f} {q[18]:7.1f} {max(times):7.1f} {hits / args.runs:5.1f}")
        q = statistics.quantiles(all_times, n=20)
        print(f"{'all searches':<32} {statistics.median(all_times):7.1f} {q[18]:7.1f} {max(all_times):7.1f}")
        verdict = "under" if q[18] < 100 else "OVER"
        print(f"p95 {q[18]:.1f} ms: {verdict} the 100 ms target")
    if tmp is not None and not args.keep:
        tmp.cleanup()


if __name__ == "__main__":
    main()
