#!/usr/bin/env python3
"""Build the embedded DigiTrack demo dataset (format digitrack/1).

Writes Sources/DigiTrackModel/Demo/demo.json (relative to the repository root).
Deterministic: standard library only, a fixed random seed, keys in a fixed order.
Before writing, the dataset is checked against every rule of docs/FORMAT.md
(structure, unknown keys, ids, dates, provenance, and the "Semantic rules").

Provenance (see also the `src` of each object):
  * Sourced figures only where a public source states them (shared/domain/brief.md):
    plan structure, unit counts, the 31/07/2025 phase-1 review (34/34 green, 8 provinces
    with 100 % of communes green, 1,981 of 3,321 communes), the 29/12/2025 year-end review
    (national figures and Lạng Sơn's 31/32 and 100 %), Nghệ An's 130/130 communes.
  * Everything else (per-criterion statuses, other provinces' commune counts, the regions)
    is "illustrative" and marked as such.
  * The 40 criteria (T01..T32, C01..C08) are a modelling of the real task examples
    (document-management system, LGSP, VNeID log-in, digital signatures, ...); the official
    list of 32 provincial criteria is not published.

Usage: python3 scripts/make-demo.py [--check]   (--check: verify the file is up to date)
"""

import datetime
import json
import math
import os
import random
import re
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "DigiTrackModel", "Demo", "demo.json")
# The words and ranges of the format come from the schema, which FormatSpecTests holds to the
# one declaration of the format (Sources/DigiTrackModel/Format): nothing here spells them again.
with open(os.path.join(ROOT, "docs", "digitrack.schema.json"), encoding="utf-8") as _f:
    SCHEMA_DEFS = json.load(_f)["$defs"]
STATUS_WORDS = SCHEMA_DEFS["status"]["enum"]
NOT_REPORTED = STATUS_WORDS[-1]

ILL = "illustrative"
SEED = 20251229

# ---------------------------------------------------------------------------
# Sources (only those actually cited by a `src`)
# ---------------------------------------------------------------------------
# Plan 02-KH/BCĐTW itself is published (luatvietnam.vn, 19/06/2025: code, name, date, the two
# phases and their deadlines, the 8 task groups), but its 32 provincial criteria, their phase
# split and the block names are a modelling: the format has one `src` for the whole plan, so the
# plan is marked "illustrative" and every screen that lists the criteria says so once.
S_REVIEW1 = "vietnamvn-dong-bo-du-lieu"
S_CODES = "laodong-1535055"
S_LANGSON_UNITS = "laodong-1524704"
S_NGHEAN = "baonghean-130-xa"
S_SEED = "baolangson-2025-12-29"

SOURCES = [
    {
        "id": S_REVIEW1,
        "title": "Data synchronization, process standardization – Key foundation for "
                 "implementing Plan No. 02-KH/BCĐTW",
        "publisher": "Vietnam.vn (nguồn: Bộ Khoa học và Công nghệ)",
        "url": "https://www.vietnam.vn/en/dong-bo-du-lieu-chuan-hoa-quy-trinh-nen-tang-then-"
               "chot-trien-khai-ke-hoach-so-02-kh-bcdtw",
        "date": "2025-08-12",
    },
    {
        "id": S_CODES,
        "title": "List and codes of 34 provinces and cities, 3,321 new commune-level "
                 "administrative units",
        "publisher": "Lao Động",
        "url": "https://news.laodong.vn/thoi-su/bang-danh-muc-va-ma-so-cua-34-tinh-thanh-3321-"
               "don-vi-hanh-chinh-cap-xa-moi-1535055.ldo",
        # No date: the page's publication date could not be checked, and a guessed date would
        # present an invented figure as sourced.
    },
    {
        "id": S_LANGSON_UNITS,
        "title": "Sau sắp xếp, Lạng Sơn có 65 đơn vị hành chính cấp xã",
        "publisher": "Lao Động",
        "url": "https://news.laodong.vn/thoi-su/sau-sap-xep-lang-son-co-65-don-vi-hanh-chinh-"
               "cap-xa-1524704.ldo",
        # No date, for the same reason.
    },
    {
        "id": S_NGHEAN,
        "title": "All 130 communes and wards in Nghe An completed 100% of the criteria for "
                 "promoting interconnected and synchronous digital transformation",
        "publisher": "Báo Nghệ An",
        "url": "https://baonghean.vn/en/tat-ca-130-xa-phuong-o-nghe-an-hoan-thanh-100-tieu-chi-"
               "ve-thuc-day-chuyen-doi-so-lien-thong-dong-bo-10307042.html",
        "date": "2025-09-24",
    },
    {
        "id": S_SEED,
        "title": "Hội nghị tổng kết công tác chuyển đổi số trong các cơ quan Đảng năm 2025",
        "publisher": "Báo Lạng Sơn",
        "url": "https://baolangson.vn/hoi-nghi-tong-ket-cong-tac-chuyen-doi-so-trong-cac-co-"
               "quan-dang-nam-2025-5070461.html",
        "date": "2025-12-29",
    },
]


def text(vi, en):
    return {"vi": vi, "en": en}


# ---------------------------------------------------------------------------
# Plan
# ---------------------------------------------------------------------------
PHASES = [
    {"number": 1, "name": text("Cấp bách", "Urgent"), "deadline": "2025-06-30"},
    {"number": 2, "name": text("Tăng tốc, bứt phá", "Acceleration and breakthrough"),
     "deadline": "2025-12-31"},
]

GROUPS = [
    {"id": "G1", "name": text("Hoàn thiện thể chế, pháp luật", "Institutions and law")},
    {"id": "G2", "name": text("Xây dựng hạ tầng số", "Digital infrastructure")},
    {"id": "G3", "name": text("Dữ liệu", "Data")},
    {"id": "G4", "name": text(
        "Thống nhất nền tảng, ứng dụng phục vụ người dân, doanh nghiệp và hoạt động của các "
        "cơ quan trong hệ thống chính trị",
        "Shared platforms and applications for citizens, businesses and the agencies of the "
        "political system")},
    {"id": "G5", "name": text("Nhân lực chuyển đổi số", "Human resources for digital transformation")},
    {"id": "G6", "name": text("Nguồn lực tài chính", "Financial resources")},
    {"id": "G7", "name": text(
        "Chuyển đổi số trong khối cơ quan Quốc hội, Mặt trận Tổ quốc và các tổ chức chính trị - "
        "xã hội, tòa án, viện kiểm sát",
        "Digital transformation in the National Assembly, the Fatherland Front and "
        "socio-political organisations, the courts and the procuracy")},
    {"id": "G8", "name": text("Bảo đảm an toàn, an ninh thông tin", "Information security")},
]

PILLARS = [
    {"id": "P1", "name": text("Thể chế", "Institutions")},
    {"id": "P2", "name": text("Quy trình nghiệp vụ", "Business processes")},
    {"id": "P3", "name": text("Hạ tầng kỹ thuật", "Technical infrastructure")},
    {"id": "P4", "name": text("Nền tảng số dùng chung", "Shared digital platforms")},
    {"id": "P5", "name": text("Dữ liệu", "Data")},
    {"id": "P6", "name": text("An toàn thông tin", "Information security")},
    {"id": "P7", "name": text("Nguồn lực", "Resources")},
]

# The names of the "4 khối" are an inference (brief.md [I]); kept in the data.
BLOCKS = [
    {"id": "B1", "name": text("Khối Đảng", "Party")},
    {"id": "B2", "name": text("Khối Nhà nước (HĐND, UBND)",
                              "State (People's Councils and People's Committees)")},
    {"id": "B3", "name": text("Khối Mặt trận Tổ quốc và các đoàn thể",
                              "Fatherland Front and mass organisations")},
    {"id": "B4", "name": text("Khối Tòa án, Viện kiểm sát", "Courts and procuracy")},
]

# (id, phase, group, pillar, block, vi, en)
PROVINCIAL_CRITERIA = [
    # Phase 1 — urgent (deadline 30/06/2025): 14 criteria
    ("T01", 1, "G4", "P4", "B2",
     "Nâng cấp Hệ thống quản lý văn bản và điều hành đáp ứng mô hình chính quyền hai cấp",
     "Document-management and operations system upgraded for two-level local government"),
    ("T02", 1, "G4", "P4", "B2",
     "Nâng cấp Hệ thống thông tin giải quyết thủ tục hành chính cấp tỉnh",
     "Provincial administrative-procedure information system upgraded"),
    ("T03", 1, "G4", "P5", "B2",
     "Nâng cấp Hệ thống thông tin báo cáo cấp tỉnh",
     "Provincial reporting information system upgraded"),
    ("T04", 1, "G3", "P4", "B2",
     "Nền tảng tích hợp, chia sẻ dữ liệu cấp tỉnh (LGSP) kết nối thông suốt",
     "Provincial data integration and sharing platform (LGSP) connected"),
    ("T05", 1, "G2", "P3", "B2",
     "Hệ thống họp trực tuyến kết nối thông suốt từ Trung ương đến cấp xã",
     "Online meeting system connected from central to commune level"),
    ("T06", 1, "G4", "P2", "B2",
     "Cấu hình quy trình thủ tục hành chính trên Cổng Dịch vụ công quốc gia",
     "Administrative-procedure workflows configured on the National Public Service Portal"),
    ("T07", 1, "G1", "P1", "B2",
     "Công bố, công khai thủ tục hành chính theo đơn vị hành chính mới",
     "Administrative procedures announced and published for the new administrative units"),
    ("T08", 1, "G4", "P4", "B2",
     "Đăng nhập bằng tài khoản định danh điện tử VNeID trên hệ thống dịch vụ công của tỉnh",
     "VNeID log-in on the provincial public-service system"),
    ("T09", 1, "G2", "P3", "B1",
     "Cấp chứng thư số, chữ ký số cho cán bộ theo tổ chức bộ máy mới",
     "Digital certificates and signatures issued to officials under the new structure"),
    ("T10", 1, "G1", "P1", "B2",
     "Cập nhật mã định danh điện tử của các cơ quan, đơn vị sau sắp xếp",
     "Electronic identifier codes of reorganised agencies and units updated"),
    ("T11", 1, "G2", "P3", "B2",
     "Cấp tài khoản thư điện tử công vụ cho cán bộ, công chức sau sắp xếp",
     "Official e-mail accounts issued to officials after the reorganisation"),
    ("T12", 1, "G2", "P3", "B1",
     "Kết nối mạng thông tin diện rộng của Đảng đến cấp xã",
     "Party wide-area network connected to commune level"),
    ("T13", 1, "G4", "P4", "B1",
     "Triển khai Hệ thống điều hành tác nghiệp của các cơ quan Đảng ở cấp tỉnh và cấp xã",
     "Party operations management system deployed at provincial and commune level"),
    ("T14", 1, "G8", "P6", "B2",
     "Rà soát, bảo đảm an toàn thông tin cho các hệ thống thông tin dùng chung cấp tỉnh",
     "Security review of the shared provincial information systems"),
    # Phase 2 — acceleration and breakthrough (deadline 31/12/2025): 18 criteria
    ("T15", 2, "G1", "P1", "B2",
     "Ban hành quy chế quản lý, vận hành, khai thác các hệ thống thông tin dùng chung của tỉnh",
     "Regulation on managing and operating the shared provincial information systems issued"),
    ("T16", 2, "G4", "P2", "B2",
     "Chuẩn hóa, tái cấu trúc quy trình giải quyết thủ tục hành chính trên môi trường số",
     "Administrative-procedure workflows standardised and re-engineered for digital handling"),
    ("T17", 2, "G4", "P2", "B2",
     "Cung cấp dịch vụ công trực tuyến toàn trình cho các thủ tục hành chính đủ điều kiện",
     "Full online public services for all eligible administrative procedures"),
    ("T18", 2, "G3", "P5", "B2",
     "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
     "Administrative-procedure records and results digitised"),
    ("T19", 2, "G3", "P5", "B2",
     "Kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư",
     "Data connected and shared with the National Population Database"),
    ("T20", 2, "G3", "P5", "B2",
     "Làm sạch dữ liệu đất đai và kết nối với hệ thống dùng chung",
     "Land data cleaned and connected to the shared systems"),
    ("T21", 2, "G3", "P5", "B2",
     "Xây dựng kho dữ liệu dùng chung cấp tỉnh",
     "Provincial shared data warehouse built"),
    ("T22", 2, "G3", "P5", "B1",
     "Số hóa tài liệu lưu trữ của các cơ quan Đảng cấp tỉnh",
     "Archives of the provincial Party agencies digitised"),
    ("T23", 2, "G3", "P5", "B1",
     "Làm sạch dữ liệu hồ sơ đảng viên, sử dụng ứng dụng Sổ tay đảng viên điện tử",
     "Party-member records cleaned and the e-party-member handbook in use"),
    ("T24", 2, "G2", "P3", "B2",
     "Trung tâm giám sát, điều hành thông minh cấp tỉnh kết nối với Trung ương",
     "Provincial intelligent operations centre connected to the central level"),
    ("T25", 2, "G2", "P3", "B2",
     "Mạng truyền số liệu chuyên dùng kết nối đến 100% đơn vị cấp xã",
     "Dedicated government data network reaching every commune-level unit"),
    ("T26", 2, "G5", "P7", "B2",
     "Bồi dưỡng kỹ năng số cho cán bộ, công chức cấp tỉnh và cấp xã",
     "Digital-skills training for provincial and commune officials"),
    ("T27", 2, "G5", "P7", "B1",
     "Bố trí nhân lực chuyên trách chuyển đổi số, an toàn thông tin",
     "Dedicated digital-transformation and information-security staff assigned"),
    ("T28", 2, "G6", "P7", "B2",
     "Bố trí kinh phí chuyển đổi số năm 2025 và dự toán năm 2026",
     "Digital-transformation budget allocated for 2025 and planned for 2026"),
    ("T29", 2, "G7", "P4", "B3",
     "Chuyển đổi số trong hoạt động của Mặt trận Tổ quốc và các tổ chức chính trị - xã hội cấp tỉnh",
     "Digital operations of the provincial Fatherland Front and socio-political organisations"),
    ("T30", 2, "G7", "P4", "B4",
     "Liên thông văn bản điện tử với Tòa án nhân dân, Viện kiểm sát nhân dân cấp tỉnh",
     "Electronic document exchange with the provincial People's Court and Procuracy"),
    ("T31", 2, "G7", "P2", "B2",
     "Liên thông văn bản điện tử giữa Đoàn đại biểu Quốc hội, HĐND và UBND tỉnh",
     "Electronic document exchange between the National Assembly delegation, People's Council "
     "and People's Committee"),
    ("T32", 2, "G8", "P6", "B2",
     "Giám sát an toàn thông tin tập trung (SOC) và bảo đảm an toàn hệ thống theo cấp độ",
     "Centralised security monitoring (SOC) and tiered protection of information systems"),
]

COMMUNE_CRITERIA = [
    ("C01", 1, "G2", "P3", "B2",
     "100% cán bộ, công chức cấp xã được cấp chữ ký số",
     "Digital signatures for all commune officials"),
    ("C02", 1, "G2", "P3", "B2",
     "Họp trực tuyến kết nối thông suốt đến cấp xã",
     "Online meetings connected to commune level"),
    ("C03", 1, "G4", "P4", "B2",
     "Đăng nhập VNeID trên dịch vụ công của xã",
     "VNeID log-in on the commune's public services"),
    ("C04", 1, "G4", "P4", "B2",
     "Sử dụng Hệ thống quản lý văn bản và điều hành",
     "Document-management and operations system in use"),
    ("C05", 1, "G4", "P2", "B2",
     "Thủ tục hành chính của xã được cấu hình trên Cổng Dịch vụ công quốc gia",
     "The commune's procedures configured on the National Public Service Portal"),
    ("C06", 1, "G2", "P3", "B2",
     "Trung tâm Phục vụ hành chính công cấp xã đủ trang thiết bị, đường truyền",
     "Commune public-administration service centre equipped and connected"),
    ("C07", 2, "G4", "P4", "B1",
     "Đảng ủy xã sử dụng Hệ thống điều hành tác nghiệp của các cơ quan Đảng",
     "Commune Party committee uses the Party operations management system"),
    ("C08", 2, "G5", "P7", "B2",
     "Cán bộ cấp xã được bồi dưỡng kỹ năng số và an toàn thông tin",
     "Commune officials trained in digital skills and information security"),
]


def criterion(row, level):
    cid, phase, group, pillar, block, vi, en = row
    return {"id": cid, "name": text(vi, en), "level": level, "phase": phase,
            "group": group, "pillar": pillar, "block": block}


PLAN = {
    "code": "02-KH/BCĐTW",
    "name": text(
        "Kế hoạch thúc đẩy chuyển đổi số liên thông, đồng bộ, nhanh, hiệu quả đáp ứng yêu cầu "
        "sắp xếp tổ chức bộ máy của hệ thống chính trị",
        "Plan to promote interconnected, synchronised, fast and effective digital "
        "transformation to meet the requirements of reorganising the political system"),
    "issued": "2025-06-19",
    "src": ILL,
    "phases": PHASES,
    "groups": GROUPS,
    "pillars": PILLARS,
    "blocks": BLOCKS,
    "criteria": [criterion(r, "provincial") for r in PROVINCIAL_CRITERIA]
                + [criterion(r, "commune") for r in COMMUNE_CRITERIA],
}

# ---------------------------------------------------------------------------
# Regions (inference: a six-region redraw was still a proposal in late 2025)
# ---------------------------------------------------------------------------
R_NMM, R_RRD, R_NC, R_CCH, R_SE, R_MD = ("northern-mountains", "red-river-delta",
                                         "north-central", "central-coast-highlands",
                                         "south-east", "mekong-delta")
REGIONS = [
    {"id": R_NMM, "name": text("Trung du và miền núi phía Bắc",
                               "Northern Midlands and Mountains"), "src": ILL},
    {"id": R_RRD, "name": text("Đồng bằng sông Hồng", "Red River Delta"), "src": ILL},
    {"id": R_NC, "name": text("Bắc Trung Bộ", "North Central"), "src": ILL},
    {"id": R_CCH, "name": text("Duyên hải miền Trung và Tây Nguyên",
                               "Central Coast and Highlands"), "src": ILL},
    {"id": R_SE, "name": text("Đông Nam Bộ", "South East"), "src": ILL},
    {"id": R_MD, "name": text("Đồng bằng sông Cửu Long", "Mekong Delta"), "src": ILL},
]

# ---------------------------------------------------------------------------
# Provinces, in the order of brief.md's table
# (name, code, type, total, wards, communes, specialZones, region)
# ---------------------------------------------------------------------------
PROVINCE_ROWS = [
    ("Hà Nội", "01", "city", 126, 51, 75, 0, R_RRD),
    ("Huế", "46", "city", 40, 21, 19, 0, R_NC),
    ("Hải Phòng", "31", "city", 114, 45, 67, 2, R_RRD),
    ("Đà Nẵng", "48", "city", 94, 23, 70, 1, R_CCH),
    ("TP. Hồ Chí Minh", "79", "city", 168, 113, 54, 1, R_SE),
    ("Cần Thơ", "92", "city", 103, 31, 72, 0, R_MD),
    ("Cao Bằng", "04", "province", 56, 3, 53, 0, R_NMM),
    ("Lạng Sơn", "20", "province", 65, 4, 61, 0, R_NMM),
    ("Lai Châu", "12", "province", 38, 2, 36, 0, R_NMM),
    ("Điện Biên", "11", "province", 45, 3, 42, 0, R_NMM),
    ("Sơn La", "14", "province", 75, 8, 67, 0, R_NMM),
    ("Tuyên Quang", "08", "province", 124, 7, 117, 0, R_NMM),
    ("Lào Cai", "15", "province", 99, 10, 89, 0, R_NMM),
    ("Thái Nguyên", "19", "province", 92, 15, 77, 0, R_NMM),
    ("Phú Thọ", "25", "province", 148, 15, 133, 0, R_NMM),
    ("Quảng Ninh", "22", "province", 54, 30, 22, 2, R_RRD),
    ("Bắc Ninh", "24", "province", 99, 33, 66, 0, R_RRD),
    ("Hưng Yên", "33", "province", 104, 11, 93, 0, R_RRD),
    ("Ninh Bình", "37", "province", 129, 32, 97, 0, R_RRD),
    ("Thanh Hóa", "38", "province", 166, 19, 147, 0, R_NC),
    ("Nghệ An", "40", "province", 130, 11, 119, 0, R_NC),
    ("Hà Tĩnh", "42", "province", 69, 9, 60, 0, R_NC),
    ("Quảng Trị", "44", "province", 78, 8, 69, 1, R_NC),
    ("Quảng Ngãi", "51", "province", 96, 9, 86, 1, R_CCH),
    ("Gia Lai", "52", "province", 135, 25, 110, 0, R_CCH),
    ("Khánh Hòa", "56", "province", 65, 16, 48, 1, R_CCH),
    ("Đắk Lắk", "66", "province", 102, 14, 88, 0, R_CCH),
    ("Lâm Đồng", "68", "province", 124, 20, 103, 1, R_CCH),
    ("Đồng Nai", "75", "province", 95, 23, 72, 0, R_SE),
    ("Tây Ninh", "80", "province", 96, 14, 82, 0, R_SE),
    ("Vĩnh Long", "86", "province", 124, 19, 105, 0, R_MD),
    ("Đồng Tháp", "82", "province", 102, 20, 82, 0, R_MD),
    ("An Giang", "91", "province", 102, 14, 85, 3, R_MD),
    ("Cà Mau", "96", "province", 64, 9, 55, 0, R_MD),
]

# Other spellings search also matches: the older or variant spellings, and the short forms and
# English names people type ("hcm", "tphcm", "ho chi minh city", "hn", "hp", "daklak").
ALIASES = {
    "Hà Nội": ["HN", "Hanoi"],
    "Hải Phòng": ["HP", "Hai Phong"],
    "Thanh Hóa": ["Thanh Hoá"],
    "Huế": ["Thừa Thiên Huế", "Hue"],
    "TP. Hồ Chí Minh": ["Hồ Chí Minh", "Sài Gòn", "HCM", "TPHCM", "TP.HCM", "HCMC", "Ho Chi Minh City"],
    "Đà Nẵng": ["Danang"],
    "Đắk Lắk": ["Daklak", "Đắc Lắc"],
}

# National totals (laodong 1535055): 3,321 = 2,621 communes + 687 wards + 13 special zones
assert len(PROVINCE_ROWS) == 34
assert sum(r[3] for r in PROVINCE_ROWS) == 3321
assert sum(r[5] for r in PROVINCE_ROWS) == 2621
assert sum(r[4] for r in PROVINCE_ROWS) == 687
assert sum(r[6] for r in PROVINCE_ROWS) == 13
assert all(r[3] == r[4] + r[5] + r[6] for r in PROVINCE_ROWS)
assert sum(1 for r in PROVINCE_ROWS if r[2] == "city") == 6


def province(row):
    name, code, ptype, total, wards, communes, sz, region = row
    p = {"code": code, "name": name}
    if name in ALIASES:
        p["aliases"] = ALIASES[name]
    p["type"] = ptype
    p["region"] = region
    p["units"] = {"total": total, "wards": wards, "communes": communes, "specialZones": sz,
                  "src": S_LANGSON_UNITS if name == "Lạng Sơn" else S_CODES}
    return p


PROVINCES = [province(r) for r in PROVINCE_ROWS]
CODE = {r[0]: r[1] for r in PROVINCE_ROWS}
TOTAL = {r[1]: r[3] for r in PROVINCE_ROWS}

# 100 % of communes green at 16:00, 31/07/2025 (vietnam.vn dong-bo-du-lieu)
FULL_COMMUNES_JULY = ["Sơn La", "Lạng Sơn", "Phú Thọ", "Lào Cai", "Cà Mau", "Hà Nội",
                      "Huế", "Hưng Yên"]

P1_IDS = [r[0] for r in PROVINCIAL_CRITERIA if r[1] == 1]
P2_IDS = [r[0] for r in PROVINCIAL_CRITERIA if r[1] == 2]
C_IDS = [r[0] for r in COMMUNE_CRITERIA]
assert (len(P1_IDS), len(P2_IDS), len(C_IDS)) == (14, 18, 8)

# ---------------------------------------------------------------------------
# Illustrative figures (deterministic)
# ---------------------------------------------------------------------------
rng = random.Random(SEED)


def by_criterion(green, total, high=("C01", "C02")):
    """Illustrative per-criterion counts: green <= each <= total, and the non-green
    counts together cover every non-green commune (a commune that is not green misses
    at least one criterion). Digital signatures and online meetings run highest
    (the 31/07 review names them among criteria above 90 %)."""
    gap = total - green
    if gap == 0:
        return {c: total for c in C_IDS}
    missing = {}
    for c in C_IDS:
        if c in high:
            share = rng.uniform(0.0, 0.25)
        else:
            share = rng.uniform(0.15, 0.75)
        missing[c] = round(gap * share)
    hardest = rng.choice([c for c in C_IDS if c not in high])
    missing[hardest] = max(missing[hardest], round(gap * rng.uniform(0.55, 0.9)))
    # Cover the gap: every non-green commune misses at least one criterion.
    order = [c for c in C_IDS if c not in high]
    i = 0
    while sum(missing.values()) < gap:
        c = order[i % len(order)]
        missing[c] = min(gap, missing[c] + 1)
        i += 1
    return {c: total - missing[c] for c in C_IDS}


def statuses(greens, yellows=(), not_reported=()):
    st = {}
    for cid in P1_IDS + P2_IDS:
        if cid in yellows:
            st[cid] = "yellow"
        elif cid in not_reported:
            st[cid] = NOT_REPORTED
        elif cid in greens:
            st[cid] = "green"
        else:
            raise AssertionError(cid)
    return st


# --- Snapshot 1: 31/07/2025, phase-1 review --------------------------------
s1_green = {}
illustrative_july = [r[0] for r in PROVINCE_ROWS if r[0] not in FULL_COMMUNES_JULY]
assert len(illustrative_july) == 26
# The published bands at 31/07/2025 (vietnam.vn dong-bo-du-lieu): 8 provinces with 100 % of
# communes green, 13 above 70 %, 19 above 50 %. They overlap (8 + 13 + 19 = 40 > 34), so they
# are read cumulatively: the 13 above 70 % include the 8 at 100 %, and the 19 above 50 % include
# the 13. Hence exactly 8 at 100 %, 5 more in (70 %, 100 %), 6 more in (50 %, 70 %], and the
# other 15 at or below 50 %. The illustrative counts below fit that reading exactly
# (DemoDatasetTests.julyBandsFitThePublishedOnes checks it on the embedded demo).
JULY_BANDS = {"above70": 13 - 8, "above50": 19 - 13, "rest": 34 - 19}
bands = (["above70"] * JULY_BANDS["above70"] + ["above50"] * JULY_BANDS["above50"]
         + ["rest"] * JULY_BANDS["rest"])
assert len(bands) == 26
rng.shuffle(bands)
band_of = dict(zip(illustrative_july, bands))


def july_green(total, band):
    """An illustrative count strictly inside its band: (70 %, 100 %), (50 %, 70 %] or
    [30 %, 50 %], in whole communes."""
    if band == "above70":
        lo, hi = total * 7 // 10 + 1, total - 1
    elif band == "above50":
        lo, hi = total // 2 + 1, total * 7 // 10
    else:
        lo, hi = -(-total * 3 // 10), total // 2
    return lo + round((hi - lo) * rng.random())

reports1 = []
for name, code, *_ in PROVINCE_ROWS:
    total = TOTAL[code]
    st = {cid: "green" for cid in P1_IDS}
    for cid in P2_IDS:
        u = rng.random()
        st[cid] = "green" if u < 0.25 else ("yellow" if u < 0.72 else NOT_REPORTED)
    report = {"province": code, "provincial": {"statuses": st, "src": ILL}}
    if name in FULL_COMMUNES_JULY:
        green = total
        report["communes"] = {"green": green, "total": total, "src": S_REVIEW1}
    else:
        green = july_green(total, band_of[name])
        report["communes"] = {"green": green, "total": total,
                              "byCriterion": by_criterion(green, total), "src": ILL}
    s1_green[code] = green
    report["phaseGreen"] = {"1": True, "src": S_REVIEW1}
    reports1.append(report)

snapshot1 = {
    "date": "2025-07-31",
    "label": text("Sơ kết giai đoạn 1", "Phase 1 review"),
    "metrics": [
        {"id": "communes-basic-conditions",
         # Published, and not the same figure as the illustrative "green on all criteria"
         # count beside it: the label says which it is (issue 16).
         "label": text("Xã, phường, đặc khu đáp ứng đầy đủ điều kiện cơ bản để vận hành "
                       "(số liệu công bố, không phải số đạt xanh đủ tiêu chí)",
                       "Communes, wards and special zones fully meeting the basic operating "
                       "conditions (published; not the count green on all criteria)"),
         "value": 1981, "target": 3321,
         "unit": text("xã", "communes"),
         "src": S_REVIEW1},
    ],
    "reports": reports1,
}

# --- Snapshot 2: 29/12/2025, year-end review -------------------------------
others = [r[0] for r in PROVINCE_ROWS if r[0] != "Lạng Sơn"]
# Lạng Sơn is published "among the leading provinces" (31/32, 100 % of communes, green in both
# phases): with at most 4 illustrative 32/32 provinces ranked above it, it stays in the top 5.
# Every other province keeps at least one criterion open, so none passes it on 31/32.
LEADING_ABOVE_LANGSON = 4
fully_green_dec = set(rng.sample(others, LEADING_ABOVE_LANGSON))
# Which criterion is still open is not published. T22 is an illustrative choice, fixed so that the
# forms, the round-trip test and the documentation can name it; the draw that used to pick it stays,
# so every later draw (and so every other province's illustrative value) is unchanged.
rng.choice(P2_IDS)
langson_open = "T22"

reports2 = []
for name, code, *_ in PROVINCE_ROWS:
    total = TOTAL[code]
    if name == "Lạng Sơn":
        st = statuses(greens=P1_IDS + P2_IDS, yellows=(langson_open,))
        report = {"province": code,
                  "provincial": {"statuses": st, "src": ILL,
                                 "reported": {"done": 31, "total": 32, "src": S_SEED}},
                  "communes": {"green": total, "total": total, "src": S_SEED},
                  "phaseGreen": {"1": True, "2": True, "src": S_SEED}}
        reports2.append(report)
        continue
    if name in fully_green_dec:
        st = statuses(greens=P1_IDS + P2_IDS)
    else:
        k_yellow = rng.choice([1, 1, 2, 2, 3, 4])
        k_nr = rng.choice([0, 0, 0, 1, 1, 2])
        picked = rng.sample(P2_IDS, k_yellow + k_nr)
        st = statuses(greens=P1_IDS + P2_IDS, yellows=picked[:k_yellow],
                      not_reported=picked[k_yellow:])
    report = {"province": code, "provincial": {"statuses": st, "src": ILL}}
    if name == "Nghệ An":
        report["communes"] = {"green": total, "total": total, "src": S_NGHEAN}
    elif name in FULL_COMMUNES_JULY:
        report["communes"] = {"green": total, "total": total,
                              "byCriterion": by_criterion(total, total), "src": ILL}
    else:
        g1 = s1_green[code]
        green = g1 + round((total - g1) * rng.uniform(0.45, 1.0))
        green = max(g1, min(total, green))
        report["communes"] = {"green": green, "total": total,
                              "byCriterion": by_criterion(green, total), "src": ILL}
    reports2.append(report)

snapshot2 = {
    "date": "2025-12-29",
    "label": text("Tổng kết năm 2025", "Year-end 2025 review"),
    "metrics": [
        {"id": "party-handbook-members",
         "label": text("Đảng viên kết nối ứng dụng Sổ tay đảng viên điện tử",
                       "Party members connected to the e-party-member handbook app"),
         "value": 5300000,
         "unit": text("đảng viên", "members"),
         "src": S_SEED},
        {"id": "party-records-cleaned",
         "label": text("Hồ sơ đảng viên đã được làm sạch", "Party-member records cleaned"),
         "value": 4450000, "target": 5300000,
         "unit": text("hồ sơ", "records"),
         "src": S_SEED},
        {"id": "ops-system-accounts",
         "label": text("Tài khoản trên Hệ thống điều hành tác nghiệp (toàn quốc)",
                       "Accounts on the operations management system (nationwide)"),
         "value": 176000, "qualifier": "over",
         "unit": text("tài khoản", "accounts"),
         "src": S_SEED},
    ],
    "reports": reports2,
}

DATASET = {
    "format": "digitrack/1",
    "title": text("Chuyển đổi số trong hệ thống chính trị theo Kế hoạch 02-KH/BCĐTW (dữ liệu mẫu)",
                  "Digital transformation across the political system under Plan 02-KH/BCĐTW "
                  "(demo data)"),
    "asOf": "2025-12-29",
    "sources": SOURCES,
    "plan": PLAN,
    "regions": REGIONS,
    "provinces": PROVINCES,
    "snapshots": [snapshot1, snapshot2],
}


# ---------------------------------------------------------------------------
# Validation: every rule of docs/FORMAT.md
# ---------------------------------------------------------------------------
class Checker:
    ID_RE = re.compile(SCHEMA_DEFS["identifier"]["pattern"])
    DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
    STATUSES = set(STATUS_WORDS)
    MAX_COUNT = SCHEMA_DEFS["count"]["maximum"]
    MAX_AMOUNT = SCHEMA_DEFS["amount"]["maximum"]

    def __init__(self):
        self.errors = []
        self.warnings = []

    def err(self, path, msg):
        self.errors.append(f"{path}: {msg}")

    def keys(self, obj, path, required, optional=()):
        if not isinstance(obj, dict):
            self.err(path, "not an object")
            return False
        for k in required:
            if k not in obj:
                self.err(path, f"missing key {k!r}")
        for k in obj:
            if k not in required and k not in optional:
                self.err(path, f"unknown key {k!r}")
        return True

    def ident(self, v, path):
        if not (isinstance(v, str) and self.ID_RE.match(v)):
            self.err(path, f"bad identifier {v!r}")

    def date(self, v, path):
        if not (isinstance(v, str) and self.DATE_RE.match(v)):
            self.err(path, f"bad date {v!r}")
            return None
        try:
            return datetime.date.fromisoformat(v)
        except ValueError:
            self.err(path, f"date does not exist {v!r}")
            return None

    def text(self, v, path):
        if self.keys(v, path, ("vi", "en")):
            for k in ("vi", "en"):
                if not (isinstance(v.get(k), str) and v.get(k)):
                    self.err(f"{path}.{k}", "empty or not a string")

    def plain(self, v, path):
        if not (isinstance(v, str) and v):
            self.err(path, "empty or not a string")

    def count(self, v, path):
        if not (isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= self.MAX_COUNT):
            self.err(path, f"not a count {v!r}")

    def amount(self, v, path):
        if not (isinstance(v, (int, float)) and not isinstance(v, bool)
                and math.isfinite(v) and 0 <= v <= self.MAX_AMOUNT):
            self.err(path, f"not a finite number from 0 to {self.MAX_AMOUNT} {v!r}")

    def src(self, v, path, source_ids):
        if v != ILL and v not in source_ids:
            self.err(path, f"src {v!r} does not resolve")

    def unique(self, items, key, path):
        seen = set()
        for i, it in enumerate(items):
            v = it.get(key) if isinstance(it, dict) else None
            if v in seen:
                self.err(f"{path}[{i}].{key}", f"duplicate {v!r}")
            seen.add(v)

    def run(self, d):
        self.keys(d, "$", ("format", "title", "asOf", "sources", "plan", "regions",
                           "provinces", "snapshots"))
        if d.get("format") != "digitrack/1":
            self.err("$.format", "must be digitrack/1")
        self.text(d["title"], "$.title")
        as_of = self.date(d["asOf"], "$.asOf")

        # sources
        for i, s in enumerate(d["sources"]):
            p = f"sources[{i}]"
            self.keys(s, p, ("id", "title", "publisher", "url"), optional=("date",))
            self.ident(s["id"], p + ".id")
            self.plain(s["title"], p + ".title")
            self.plain(s["publisher"], p + ".publisher")
            if not re.match(r"^https?://", s["url"]):
                self.err(p + ".url", "not an http(s) URL")
            if "date" in s:
                self.date(s["date"], p + ".date")
        self.unique(d["sources"], "id", "sources")
        sids = {s["id"] for s in d["sources"]}

        # plan
        pl = d["plan"]
        self.keys(pl, "plan", ("code", "name", "issued", "src", "phases", "groups", "pillars",
                               "blocks", "criteria"))
        self.plain(pl["code"], "plan.code")
        self.text(pl["name"], "plan.name")
        self.date(pl["issued"], "plan.issued")
        self.src(pl["src"], "plan.src", sids)
        deadlines = {}
        prev = None
        for i, ph in enumerate(pl["phases"]):
            p = f"plan.phases[{i}]"
            self.keys(ph, p, ("number", "name", "deadline"))
            if ph["number"] != i + 1:
                self.err(p + ".number", f"expected {i + 1}")
            self.text(ph["name"], p + ".name")
            dl = self.date(ph["deadline"], p + ".deadline")
            if prev and dl and not dl > prev:
                self.err(p + ".deadline", "deadlines must strictly increase")
            prev = dl
            deadlines[ph["number"]] = dl
        for lst in ("groups", "pillars", "blocks"):
            for i, it in enumerate(pl[lst]):
                p = f"plan.{lst}[{i}]"
                self.keys(it, p, ("id", "name"))
                self.ident(it["id"], p + ".id")
                self.text(it["name"], p + ".name")
            self.unique(pl[lst], "id", f"plan.{lst}")
        gids = {g["id"] for g in pl["groups"]}
        pids = {g["id"] for g in pl["pillars"]}
        bids = {g["id"] for g in pl["blocks"]}
        crit = {}
        for i, c in enumerate(pl["criteria"]):
            p = f"plan.criteria[{i}]"
            self.keys(c, p, ("id", "name", "level", "phase", "group", "pillar", "block"))
            self.ident(c["id"], p + ".id")
            self.text(c["name"], p + ".name")
            if c["level"] not in ("provincial", "commune"):
                self.err(p + ".level", "bad level")
            if c["phase"] not in deadlines:
                self.err(p + ".phase", "does not resolve")
            if c["group"] not in gids:
                self.err(p + ".group", "does not resolve")
            if c["pillar"] not in pids:
                self.err(p + ".pillar", "does not resolve")
            if c["block"] not in bids:
                self.err(p + ".block", "does not resolve")
            crit[c["id"]] = c
        self.unique(pl["criteria"], "id", "plan.criteria")
        prov_crit = [c for c in crit.values() if c["level"] == "provincial"]
        n_prov_crit = len(prov_crit)

        # regions
        for i, r in enumerate(d["regions"]):
            p = f"regions[{i}]"
            self.keys(r, p, ("id", "name", "src"))
            self.ident(r["id"], p + ".id")
            self.text(r["name"], p + ".name")
            self.src(r["src"], p + ".src", sids)
        self.unique(d["regions"], "id", "regions")
        rids = {r["id"] for r in d["regions"]}

        # provinces
        units_total = {}
        for i, pr in enumerate(d["provinces"]):
            p = f"provinces[{i}]"
            self.keys(pr, p, ("code", "name", "type", "region", "units"), ("aliases",))
            self.ident(pr["code"], p + ".code")
            self.plain(pr["name"], p + ".name")
            for j, a in enumerate(pr.get("aliases", [])):
                self.plain(a, f"{p}.aliases[{j}]")
            if pr["type"] not in ("city", "province"):
                self.err(p + ".type", "bad type")
            if pr["region"] not in rids:
                self.err(p + ".region", "does not resolve")
            u = pr["units"]
            self.keys(u, p + ".units", ("total", "wards", "communes", "specialZones", "src"))
            for k in ("total", "wards", "communes", "specialZones"):
                self.count(u[k], f"{p}.units.{k}")
            if u["wards"] + u["communes"] + u["specialZones"] != u["total"]:
                self.err(p + ".units", "wards + communes + specialZones != total")
            self.src(u["src"], p + ".units.src", sids)
            units_total[pr["code"]] = u["total"]
        self.unique(d["provinces"], "code", "provinces")

        # snapshots
        prev = None
        first = None
        for si, sn in enumerate(d["snapshots"]):
            p = f"snapshots[{si}]"
            self.keys(sn, p, ("date", "label", "metrics", "reports"))
            sd = self.date(sn["date"], p + ".date")
            if first is None:
                first = sd
            if prev and sd and not sd > prev:
                self.err(p + ".date", "snapshot dates must strictly increase")
            prev = sd
            self.text(sn["label"], p + ".label")
            for mi, m in enumerate(sn["metrics"]):
                mp = f"{p}.metrics[{mi}]"
                self.keys(m, mp, ("id", "label", "value", "unit", "src"),
                          ("target", "qualifier"))
                self.ident(m["id"], mp + ".id")
                self.text(m["label"], mp + ".label")
                self.amount(m["value"], mp + ".value")
                if "target" in m:
                    self.amount(m["target"], mp + ".target")
                self.text(m["unit"], mp + ".unit")
                if "qualifier" in m and m["qualifier"] not in ("over", "about"):
                    self.err(mp + ".qualifier", "bad qualifier")
                self.src(m["src"], mp + ".src", sids)
            self.unique(sn["metrics"], "id", p + ".metrics")
            self.unique(sn["reports"], "province", p + ".reports")
            for ri, rp in enumerate(sn["reports"]):
                rpath = f"{p}.reports[{ri}]"
                self.keys(rp, rpath, ("province", "provincial", "communes"), ("phaseGreen",))
                if rp["province"] not in units_total:
                    self.err(rpath + ".province", "does not resolve")
                pv = rp["provincial"]
                self.keys(pv, rpath + ".provincial", ("statuses", "src"), ("reported",))
                self.src(pv["src"], rpath + ".provincial.src", sids)
                greens = 0
                for cid, stv in pv["statuses"].items():
                    sp = f"{rpath}.provincial.statuses.{cid}"
                    if cid not in crit or crit[cid]["level"] != "provincial":
                        self.err(sp, "not a provincial-level criterion")
                        continue
                    if stv not in self.STATUSES:
                        self.err(sp, f"bad status {stv!r}")
                    if stv == "green":
                        greens += 1
                    if stv == "red" and sd and deadlines.get(crit[cid]["phase"]) \
                            and sd < deadlines[crit[cid]["phase"]]:
                        self.warnings.append(f"{sp}: red before its phase deadline")
                if "reported" in pv:
                    rep = pv["reported"]
                    rpp = rpath + ".provincial.reported"
                    self.keys(rep, rpp, ("done", "total", "src"))
                    self.count(rep["done"], rpp + ".done")
                    self.count(rep["total"], rpp + ".total")
                    self.src(rep["src"], rpp + ".src", sids)
                    if rep["done"] > rep["total"]:
                        self.err(rpp, "done > total")
                    if rep["total"] != n_prov_crit:
                        self.err(rpp + ".total", f"must equal {n_prov_crit}")
                    if rep["done"] != greens:
                        self.err(rpp + ".done", f"is {rep['done']}, but {greens} statuses green")
                cm = rp["communes"]
                cp = rpath + ".communes"
                self.keys(cm, cp, ("src",), ("green", "total", "byCriterion", "units"))
                self.src(cm["src"], cp + ".src", sids)
                total = cm.get("total", units_total.get(rp["province"]))
                if "total" in cm:
                    self.count(cm["total"], cp + ".total")
                    if cm["total"] != units_total.get(rp["province"]):
                        self.err(cp + ".total", "must equal the province's units.total")
                if "green" in cm:
                    self.count(cm["green"], cp + ".green")
                    if cm["green"] > total:
                        self.err(cp + ".green", "green > total")
                for cid, v in cm.get("byCriterion", {}).items():
                    bp = f"{cp}.byCriterion.{cid}"
                    if cid not in crit or crit[cid]["level"] != "commune":
                        self.err(bp, "not a commune-level criterion")
                    self.count(v, bp)
                    if v > total:
                        self.err(bp, "> total")
                    if "green" in cm and cm["green"] > v:
                        self.err(bp, "green > byCriterion value")
                if "units" in cm:
                    self.err(cp + ".units", "not used by the demo (checker has no unit rules)")
                if "phaseGreen" in rp:
                    pg = rp["phaseGreen"]
                    pgp = rpath + ".phaseGreen"
                    if "src" not in pg:
                        self.err(pgp, "missing src")
                    for k, v in pg.items():
                        if k == "src":
                            self.src(v, pgp + ".src", sids)
                        elif not re.match(r"^[1-9][0-9]*$", k) or int(k) not in deadlines:
                            self.err(f"{pgp}.{k}", "not a phase number")
                        elif not isinstance(v, bool):
                            self.err(f"{pgp}.{k}", "not a boolean")
        if as_of and first and as_of < first:
            self.err("$.asOf", "before the first snapshot")

        # every source is cited at least once; all strings NFC, no control characters
        cited = set()

        def walk(o, path):
            if isinstance(o, dict):
                for k, v in o.items():
                    if k == "src" and isinstance(v, str):
                        cited.add(v)
                    walk(v, f"{path}.{k}")
            elif isinstance(o, list):
                for i, v in enumerate(o):
                    walk(v, f"{path}[{i}]")
            elif isinstance(o, str):
                if not unicodedata.is_normalized("NFC", o):
                    self.err(path, "not NFC")
                if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in o):
                    self.err(path, "control or format character")
        walk(d, "$")
        for s in sids - cited:
            self.err("sources", f"{s!r} is never cited")
        return self


def demo_specific_checks(d):
    """Facts this demo must state exactly (brief.md)."""
    by_code = {p["code"]: p for p in d["provinces"]}
    s1, s2 = d["snapshots"]
    assert [p["name"] for p in d["provinces"]] == [r[0] for r in PROVINCE_ROWS]
    assert len(s1["reports"]) == len(s2["reports"]) == 34
    for r in s1["reports"]:
        name = by_code[r["province"]]["name"]
        assert all(r["provincial"]["statuses"][c] == "green" for c in P1_IDS)
        assert "red" not in r["provincial"]["statuses"].values()
        assert r["phaseGreen"] == {"1": True, "src": S_REVIEW1}
        c = r["communes"]
        if name in FULL_COMMUNES_JULY:
            assert c["green"] == c["total"] and c["src"] == S_REVIEW1 and "byCriterion" not in c
        else:
            assert c["green"] < c["total"] and c["src"] == ILL and "byCriterion" in c
            assert 0.30 <= c["green"] / c["total"] < 1
    above = lambda share: sum(1 for r in s1["reports"]
                              if r["communes"]["green"] / r["communes"]["total"] > share)
    full_july = sum(1 for r in s1["reports"] if r["communes"]["green"] == r["communes"]["total"])
    assert (full_july, above(0.70), above(0.50)) == (8, 13, 19), (full_july, above(0.70), above(0.50))
    full = 0
    s1g = {r["province"]: r["communes"]["green"] for r in s1["reports"]}
    for r in s2["reports"]:
        name = by_code[r["province"]]["name"]
        st = r["provincial"]["statuses"]
        assert all(st[c] == "green" for c in P1_IDS)
        assert "red" not in st.values()
        assert len(st) == 32
        c = r["communes"]
        assert s1g[r["province"]] <= c["green"] <= c["total"]
        if name in FULL_COMMUNES_JULY or name == "Nghệ An":
            assert c["green"] == c["total"]
        if name == "Lạng Sơn":
            assert list(st.values()).count("green") == 31
            assert list(st.values()).count("yellow") == 1
            assert r["provincial"]["reported"] == {"done": 31, "total": 32, "src": S_SEED}
            assert c == {"green": 65, "total": 65, "src": S_SEED}
            assert r["phaseGreen"] == {"1": True, "2": True, "src": S_SEED}
        elif name == "Nghệ An":
            assert c == {"green": 130, "total": 130, "src": S_NGHEAN}
        else:
            assert c["src"] == ILL and "byCriterion" in c and "phaseGreen" not in r
        if all(v == "green" for v in st.values()):
            full += 1
    assert full == LEADING_ABOVE_LANGSON, full


def render(d):
    return json.dumps(d, ensure_ascii=False, indent=2) + "\n"


def reject_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError(f"duplicate keys: {keys}")
    return dict(pairs)


def main():
    checker = Checker().run(DATASET)
    if checker.errors or checker.warnings:
        for e in checker.errors:
            print("error:", e, file=sys.stderr)
        for w in checker.warnings:
            print("warning:", w, file=sys.stderr)
        sys.exit(1)
    demo_specific_checks(DATASET)
    out = render(DATASET)
    # Round trip: valid JSON, no duplicate keys, identical content.
    assert json.loads(out, object_pairs_hook=reject_duplicates) == DATASET
    if "--check" in sys.argv[1:]:
        with open(OUT, encoding="utf-8") as f:
            if f.read() != out:
                print(f"{OUT} is out of date; run scripts/make-demo.py", file=sys.stderr)
                sys.exit(1)
        print(f"{OUT} is up to date")
        return
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(out)
    print(f"wrote {OUT} ({len(out.encode('utf-8'))} bytes)")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "embed-resources.py")], check=True)


if __name__ == "__main__":
    main()
