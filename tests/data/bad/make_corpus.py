#!/usr/bin/env python3
"""Makes the broken-input corpus (issue 7) in this folder: one folder per case with its data and a
config c.toml. Needs only Python 3 and GDAL's ogr2ogr. The expected outcome of each case is in
cases.json (written by hand, checked by tests/cli/bad_inputs_corpus_test.cpp). Run it again to
rebuild the files; it is deterministic."""
import json, os, shutil, struct, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
X0, Y0 = 500000.0, 3300000.0  # EPSG:4547 metres


def square(x, y, s=100.0):
    return [[[X0 + x, Y0 + y], [X0 + x + s, Y0 + y], [X0 + x + s, Y0 + y + s], [X0 + x, Y0 + y + s],
             [X0 + x, Y0 + y]]]


def feature(props, geom):
    return {"type": "Feature", "properties": props, "geometry": geom}


def poly(x, y, s=100.0):
    return {"type": "Polygon", "coordinates": square(x, y, s)}


def base_parcels(n=3):
    return [feature({"宗地编号": f"P{k}", "土地用途": "0601", "固定资产投资": 4500 + k,
                     "建筑面积": 12000.0, "供地日期": "2020-01-01", "约定动工日期": "2020-06-01"},
                    poly(150 * k, 0)) for k in range(n)]


def fc(features, crs="EPSG:4547"):
    d = {"type": "FeatureCollection", "features": features}
    if crs:
        d["crs"] = {"type": "name", "properties": {"name": "urn:ogc:def:crs:" + crs.replace(":", "::")}}
    return d


PARKS = fc([feature({"park_id": "P1", "name": "测试园区", "level": "国家级"}, poly(-50, -50, 1000))])


def case(name, parcels=None, parcels_file="parcels.geojson", config_extra="", parks=True,
         parcels_layer_extra="", raw=None):
    d = os.path.join(HERE, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    if parks:
        with open(os.path.join(d, "parks.geojson"), "w", encoding="utf-8") as f:
            json.dump(PARKS, f, ensure_ascii=False)
    if parcels is not None:
        with open(os.path.join(d, parcels_file), "w", encoding="utf-8") as f:
            json.dump(parcels, f, ensure_ascii=False)
    if raw is not None:
        for fname, data in raw.items():
            with open(os.path.join(d, fname), "wb") as f:
                f.write(data)
    with open(os.path.join(d, "c.toml"), "w", encoding="utf-8") as f:
        f.write('[project]\nas_of = "2025-12-31"\n' + config_extra + "\n")
        if parks:
            f.write('[layers.parks]\nsource = "parks.geojson"\n')
        f.write(f'[layers.parcels]\nsource = "{parcels_file}"\nland_use_scheme = "gbt21010"\n'
                + parcels_layer_extra)
    return d


def ogr2ogr(d, src, dst, *opts):
    subprocess.run(["ogr2ogr", *opts, os.path.join(d, dst), os.path.join(d, src)], check=True,
                   capture_output=True)


def shapefile_case(name, encoding="UTF-8", parcels=None, extra_opts=(), **kw):
    d = case(name, parcels or fc(base_parcels()), parcels_file="parcels.shp", **kw)
    # write GeoJSON then convert
    with open(os.path.join(d, "src.geojson"), "w", encoding="utf-8") as f:
        json.dump(parcels or fc(base_parcels()), f, ensure_ascii=False)
    os.remove(os.path.join(d, "parcels.shp"))
    ogr2ogr(d, "src.geojson", "parcels.shp", "-lco", f"ENCODING={encoding}", *extra_opts)
    os.remove(os.path.join(d, "src.geojson"))
    return d


def main():
    for e in os.listdir(HERE):
        if os.path.isdir(os.path.join(HERE, e)):
            shutil.rmtree(os.path.join(HERE, e))
    P = base_parcels

    # --- Shapefile structure -------------------------------------------------------------------
    d = shapefile_case("shp_truncated_shp")
    with open(os.path.join(d, "parcels.shp"), "r+b") as f:
        f.truncate(os.path.getsize(os.path.join(d, "parcels.shp")) - 60)
    d = shapefile_case("shp_truncated_dbf")
    with open(os.path.join(d, "parcels.dbf"), "r+b") as f:
        f.truncate(os.path.getsize(os.path.join(d, "parcels.dbf")) - 40)
    d = shapefile_case("shp_truncated_shx")
    with open(os.path.join(d, "parcels.shx"), "r+b") as f:
        f.truncate(108)
    d = shapefile_case("shp_missing_shx"); os.remove(os.path.join(d, "parcels.shx"))
    d = shapefile_case("shp_missing_dbf"); os.remove(os.path.join(d, "parcels.dbf"))
    d = shapefile_case("shp_missing_prj"); os.remove(os.path.join(d, "parcels.prj"))
    d = shapefile_case("shp_missing_prj_config_crs", parcels_layer_extra='crs = "EPSG:4547"\n')
    os.remove(os.path.join(d, "parcels.prj"))
    d = shapefile_case("shp_dbf_more_records_than_shp")
    with open(os.path.join(d, "parcels.dbf"), "r+b") as f:  # header record count 3 -> 5
        f.seek(4); f.write(struct.pack("<I", 5))
    d = shapefile_case("shp_zero_byte_shp")
    open(os.path.join(d, "parcels.shp"), "wb").close()
    d = shapefile_case("shp_random_bytes")
    with open(os.path.join(d, "parcels.shp"), "wb") as f:
        f.write(bytes((i * 37 + 11) % 256 for i in range(2000)))
    d = shapefile_case("shp_empty_dbf", parcels=fc([]))
    # --- Encodings -----------------------------------------------------------------------------
    cn = fc([feature({"宗地编号": "宗地一", "土地用途": "0601", "企业名称": "南昌某某有限公司",
                      "固定资产投资": 4500}, poly(0, 0))])
    d = shapefile_case("enc_gbk_no_cpg_ldid0", "CP936", parcels=cn)
    os.remove(os.path.join(d, "parcels.cpg"))
    with open(os.path.join(d, "parcels.dbf"), "r+b") as f:
        f.seek(29); f.write(b"\x00")
    d = shapefile_case("enc_cpg_says_utf8_bytes_gbk", "CP936", parcels=cn)
    with open(os.path.join(d, "parcels.cpg"), "w") as f: f.write("UTF-8")
    d = shapefile_case("enc_ldid_says_gbk_bytes_utf8", "UTF-8", parcels=cn)
    os.remove(os.path.join(d, "parcels.cpg"))
    with open(os.path.join(d, "parcels.dbf"), "r+b") as f:
        f.seek(29); f.write(b"\x4d")  # LDID 0x4D = code page 936
    d = shapefile_case("enc_config_overrides", "CP936", parcels=cn, parcels_layer_extra='encoding = "GBK"\n')
    with open(os.path.join(d, "parcels.cpg"), "w") as f: f.write("UTF-8")
    d = shapefile_case("enc_mixed_values", "CP936", parcels=cn)
    os.remove(os.path.join(d, "parcels.cpg"))
    with open(os.path.join(d, "parcels.dbf"), "r+b") as f:  # put UTF-8 bytes into the GBK name
        data = f.read()
        gbk = "南昌某某有限公司".encode("gbk")
        at = data.find(gbk)
        f.seek(at); f.write("南昌某某".encode("utf-8") + b" " * (len(gbk) - 12))
    # --- Geometry -----------------------------------------------------------------------------
    bow = {"type": "Polygon", "coordinates": [[[X0, Y0], [X0 + 100, Y0 + 100], [X0 + 100, Y0],
                                               [X0, Y0 + 100], [X0, Y0]]]}
    case("geom_bowtie", fc(P(2) + [feature({"宗地编号": "BOW", "土地用途": "0601"}, bow)]))
    case("geom_empty_polygon", fc(P(2) + [feature({"宗地编号": "EMPTY", "土地用途": "0601"},
                                                  {"type": "Polygon", "coordinates": []})]))
    case("geom_null", fc(P(2) + [feature({"宗地编号": "NULL", "土地用途": "0601"}, None)]))
    case("geom_points_only", fc([feature({"宗地编号": "PT"}, {"type": "Point", "coordinates": [X0, Y0]})]))
    case("geom_lines_only", fc([feature({"宗地编号": "LN"}, {"type": "LineString",
                                                           "coordinates": [[X0, Y0], [X0 + 9, Y0]]})]))
    case("geom_mixed_polygons_points", fc(P(2) + [feature({"宗地编号": "PT"},
                                                          {"type": "Point", "coordinates": [X0, Y0]})]))
    case("geom_collection_polygon_and_line", fc(P(1) + [feature(
        {"宗地编号": "GC", "土地用途": "0601"},
        {"type": "GeometryCollection", "geometries": [poly(300, 0),
                                                      {"type": "LineString", "coordinates": [[X0, Y0], [X0 + 5, Y0]]}]})]))
    z = {"type": "Polygon", "coordinates": [[[c[0], c[1], 12.5] for c in square(0, 0)[0]]]}
    case("geom_3d_polygons", fc([feature({"宗地编号": "Z", "土地用途": "0601", "建筑面积": 12000.0,
                                          "固定资产投资": 4500}, z)]))
    case("geom_huge_coordinates", fc(P(1) + [feature({"宗地编号": "HUGE", "土地用途": "0601"},
                                                     {"type": "Polygon", "coordinates": [[[1e300, 1e300], [2e300, 1e300], [2e300, 2e300], [1e300, 1e300]]]})]))
    case("geom_unclosed_ring", fc(P(1) + [feature({"宗地编号": "OPEN", "土地用途": "0601"},
                                                  {"type": "Polygon", "coordinates": [square(300, 0)[0][:-1]]})]))
    case("geom_hole_outside_shell", fc(P(1) + [feature({"宗地编号": "HOLE", "土地用途": "0601"},
                                                       {"type": "Polygon", "coordinates": [square(300, 0)[0], square(600, 0, 10)[0]]})]))
    case("geom_zero_area", fc(P(1) + [feature({"宗地编号": "FLAT", "土地用途": "0601"},
                                              {"type": "Polygon", "coordinates": [[[X0, Y0], [X0 + 50, Y0], [X0 + 100, Y0], [X0, Y0]]]})]))
    case("geom_overlapping_multipolygon", fc(P(1) + [feature({"宗地编号": "MP", "土地用途": "0601"},
                                                             {"type": "MultiPolygon", "coordinates": [square(300, 0), square(350, 0)]})]))
    case("geom_measured_polygon_wkt", None, parcels_file="parcels.csv",
         raw={"parcels.csv": ('WKT,宗地编号,土地用途\n"POLYGON M ((500000 3300000 1,500100 3300000 2,500100 3300100 3,500000 3300100 4,500000 3300000 1))",M1,0601\n').encode("utf-8")},
         parcels_layer_extra='crs = "EPSG:4547"\n')
    case("csv_bad_wkt", None, parcels_file="parcels.csv",
         raw={"parcels.csv": ('WKT,宗地编号,土地用途\n"POLYGON ((500000 3300000,500100 3300000,500100 3300100,500000 3300100,500000 3300000))",OK,0601\n"POLYGON ((oops",BAD,0601\n').encode("utf-8")},
         parcels_layer_extra='crs = "EPSG:4547"\n')
    # --- CRS -------------------------------------------------------------------------------------
    case("crs_none_geojson_projected", fc(P(), crs=None))
    case("crs_member_honoured", fc(P(), crs="EPSG:4547"))
    case("crs_unknown_member", fc(P(), crs="EPSG:999999"))
    case("crs_config_unknown", fc(P(), crs=None), parcels_layer_extra='crs = "EPSG:not-a-code"\n')
    case("crs_wrong_zone", fc(P(), crs="EPSG:4549"))
    wm = fc([feature({"宗地编号": "WM", "土地用途": "0601", "建筑面积": 12000.0, "固定资产投资": 4500},
                     {"type": "Polygon", "coordinates": [[[12735000, 3580000], [12735100, 3580000], [12735100, 3580100], [12735000, 3580100], [12735000, 3580000]]]})],
            crs="EPSG:3857")
    case("crs_web_mercator", wm)
    case("crs_gcj02_declared", fc([feature({"宗地编号": "G", "土地用途": "0601"},
                                           {"type": "Polygon", "coordinates": [[[115.9, 28.7], [115.901, 28.7], [115.901, 28.701], [115.9, 28.701], [115.9, 28.7]]]})], crs=None),
         parcels_layer_extra='crs = "gcj02"\n', parks=False)
    # --- Values -------------------------------------------------------------------------------
    def valued(name, field, value, canonical_field="固定资产投资"):
        ps = P(2)
        ps[1]["properties"][field] = value
        case(name, fc(ps))
    valued("date_feb_30_iso", "供地日期", "2019-02-30")
    valued("date_feb_30_compact", "供地日期", "20190230")
    valued("date_month_only_chinese", "约定动工日期", "2019年2月")
    valued("date_chinese_full", "约定动工日期", "2019年2月3日")
    valued("date_slashed", "约定动工日期", "2019/2/3")
    valued("date_dotted", "约定动工日期", "2019.02.03")
    valued("date_placeholder", "约定动工日期", "待定")
    valued("date_year_out_of_range", "供地日期", "0219-02-03")
    valued("number_thousands", "固定资产投资", "4,500.5")
    valued("number_fullwidth", "固定资产投资", "４５００")
    valued("number_with_unit_wan", "固定资产投资", "1.2万")
    valued("number_text", "固定资产投资", "abc")
    valued("number_negative_investment", "固定资产投资", -100)
    valued("number_nan_text", "固定资产投资", "NaN")
    valued("number_huge", "建筑面积", 1e308)
    ps = P(3); ps[2]["properties"]["宗地编号"] = "P0"
    case("duplicate_parcel_ids", fc(ps))
    ps = P(2)
    for i in range(300):
        ps[0]["properties"][f"f{i:03d}"] = i
    case("many_fields_300", fc(ps))
    case("zero_features", fc([]))
    case("level_unknown_value", fc(P()), parks=True)
    with open(os.path.join(HERE, "level_unknown_value", "parks.geojson"), "w", encoding="utf-8") as f:
        json.dump(fc([feature({"park_id": "P1", "name": "测试园区", "level": "市级"}, poly(-50, -50, 1000))]), f, ensure_ascii=False)
    case("land_use_unknown_codes", fc([feature({"宗地编号": "U", "土地用途": "ZZZZ", "建筑面积": 1.0}, poly(0, 0))]))
    # --- Files and configs ----------------------------------------------------------------------
    case("geojson_syntax_error", None, raw={"parcels.geojson": b'{"type": "FeatureCollection", "features": [ {'})
    case("gpkg_truncated", None, parcels_file="parcels.gpkg")
    d = os.path.join(HERE, "gpkg_truncated")
    with open(os.path.join(d, "src.geojson"), "w", encoding="utf-8") as f:
        json.dump(fc(P()), f, ensure_ascii=False)
    ogr2ogr(d, "src.geojson", "parcels.gpkg")
    os.remove(os.path.join(d, "src.geojson"))
    with open(os.path.join(d, "parcels.gpkg"), "r+b") as f:
        f.truncate(30000)
    case("source_missing", None, parcels_file="nowhere.shp")
    d = case("config_unknown_key", fc(P()))
    with open(os.path.join(d, "c.toml"), "a") as f: f.write('colour = "red"\n')
    d = case("config_bad_toml", fc(P()))
    with open(os.path.join(d, "c.toml"), "a") as f: f.write('[layers.parks\n')
    case("config_bad_as_of", fc(P()), config_extra='rules = "jiangxi-2014"\n').replace
    with open(os.path.join(HERE, "config_bad_as_of", "c.toml"), "w") as f:
        f.write('[project]\nas_of = "2025-13-01"\n[layers.parcels]\nsource = "parcels.geojson"\n')
    d = case("config_no_parcels", fc(P()))
    with open(os.path.join(d, "c.toml"), "w") as f:
        f.write('[project]\nas_of = "2025-12-31"\n[layers.parks]\nsource = "parks.geojson"\n')
    d = case("config_unknown_unit", fc(P()), parcels_layer_extra='units = { invest_wan = "furlongs" }\n')
    d = case("config_field_not_in_layer", fc(P()), parcels_layer_extra='fields = { invest_wan = "no_such_field" }\n')
    d = case("rules_negative_far", fc(P()), config_extra='rules = "bad_rules.toml"\n')
    with open(os.path.join(d, "bad_rules.toml"), "w") as f:
        f.write('[rule_set]\nname = "bad"\n[industrial_codes]\ngbt21010 = ["0601"]\n[floors.national]\nfar_min = -1.2\n')
    d = case("rules_unknown_section", fc(P()), config_extra='rules = "bad_rules.toml"\n')
    with open(os.path.join(d, "bad_rules.toml"), "w") as f:
        f.write('[rule_set]\nname = "bad"\n[industrial_codes]\ngbt21010 = ["0601"]\n[floorz]\nx = 1\n')
    d = case("rules_missing_file", fc(P()), config_extra='rules = "missing_rules.toml"\n')


if __name__ == "__main__":
    main()
