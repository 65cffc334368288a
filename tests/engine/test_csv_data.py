"""CSV loading: good files in their usual shapes, and one test per way a file can be bad."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gradsim.engine import csv_data
from gradsim.engine.csv_data import MAX_FILE_BYTES, load_csv, parse_csv_text
from gradsim.engine.errors import ConfigError, DataError

GOOD_ROWS = "1.0,2.0,0\n2.5,-1,1\n3,4e-1,0\n-4,0.5,1\n5,6,1\n"


def write(tmp_path: Path, content: str | bytes, name: str = "data.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def data_error(text: str, **options) -> DataError:
    with pytest.raises(DataError) as err:
        parse_csv_text(text, **options)
    return err.value


# --------------------------------------------------------------------------- good files
def test_file_with_header(tmp_path):
    data = load_csv(write(tmp_path, "x1,x2,label\n" + GOOD_ROWS))
    assert data.feature_names == ("x1", "x2")
    assert (data.task, data.n_classes, data.label_names) == ("binary", 2, ("0", "1"))
    np.testing.assert_array_equal(data.x[1], [2.5, -1.0])
    np.testing.assert_array_equal(data.y, [0, 1, 0, 1, 1])
    assert data.x.dtype == np.float64 and data.y.dtype == np.int64


def test_file_without_header(tmp_path):
    data = load_csv(write(tmp_path, GOOD_ROWS))
    assert data.feature_names == ("col1", "col2")
    assert data.x.shape == (5, 2)


def test_string_labels_are_sorted_and_named():
    text = (
        "a,b,species\n1,2,setosa\n3,4,virginica\n5,6,setosa\n7,8,versicolor\n9,1,virginica\n2,2,versicolor\n"
    )
    data = parse_csv_text(text)
    assert data.task == "multiclass"
    assert data.label_names == ("setosa", "versicolor", "virginica")
    np.testing.assert_array_equal(data.y, [0, 2, 0, 1, 2, 1])


def test_two_string_labels_make_a_binary_task():
    data = parse_csv_text("1,yes\n2,no\n3,yes\n4,no\n")
    assert (data.task, data.label_names) == ("binary", ("no", "yes"))
    np.testing.assert_array_equal(data.y, [1, 0, 1, 0])


def test_numeric_labels_are_mapped_in_value_order():
    data = parse_csv_text("1,10\n2,-1\n3,2.0\n4,10\n5,-1\n6,2\n")
    assert data.label_names == ("-1", "2", "10")
    np.testing.assert_array_equal(data.y, [2, 0, 1, 2, 0, 1])


def test_float_target_is_regression():
    data = parse_csv_text("x,price\n1,0.5\n2,1.25\n3,2.5\n4,3.75\n")
    assert (data.task, data.n_classes, data.label_names) == ("regression", 0, ("price",))
    assert data.y.shape == (4, 1) and data.y.dtype == np.float64


def test_many_integer_values_are_regression():
    data = parse_csv_text("".join(f"{i},{i * 3}\n" for i in range(30)))
    assert data.task == "regression"


@pytest.mark.parametrize(("task", "expected"), [("multiclass", "multiclass"), ("regression", "regression")])
def test_task_can_be_forced(task, expected):
    data = parse_csv_text("1,0\n2,1\n3,0\n4,1\n", task=task)
    assert data.task == expected
    assert data.y.shape == ((4,) if task == "multiclass" else (4, 1))


@pytest.mark.parametrize(("target", "features"), [("a", ("b", "y")), (0, ("b", "y")), (-2, ("a", "y"))])
def test_target_by_name_or_index(target, features):
    data = parse_csv_text("a,b,y\n0,5,1.5\n1,5,2.5\n0,7,3.5\n1,7,4.5\n", target=target)
    assert data.feature_names == features


def test_target_by_generated_name_without_header():
    data = parse_csv_text("0,5,1.5\n1,6,2.5\n0,7,3.5\n1,8,4.5\n", target="col1")
    assert data.task == "binary" and data.feature_names == ("col2", "col3")


def test_quotes_bom_crlf_blank_lines_and_spaces():
    text = '\ufeff"x, first",x2,label\r\n\r\n " 1",2,"a"\r\n3, 4 ,b\r\n\r\n5,6,a\r\n7,8,b\r\n'
    data = parse_csv_text(text)
    assert data.feature_names == ("x, first", "x2")
    np.testing.assert_array_equal(data.x[:, 1], [2, 4, 6, 8])


def test_semicolon_and_tab_delimiters():
    for sep in (";", "\t"):
        data = parse_csv_text(sep.join(["a", "b", "c"]) + "\n" + GOOD_ROWS.replace(",", sep))
        assert data.feature_names == ("a", "b") and data.x.shape == (5, 2)


def test_header_can_be_forced_on_and_off():
    data = parse_csv_text("1,2,3\n" + GOOD_ROWS, has_header=True)
    assert data.feature_names == ("1", "2") and data.x.shape == (5, 2)
    err = data_error("x1,x2,y\n" + GOOD_ROWS, has_header=False)
    assert err.code == "csv_non_numeric" and err.params["line"] == 1


# --------------------------------------------------------------------------- bad files
def test_missing_file(tmp_path):
    with pytest.raises(DataError) as err:
        load_csv(tmp_path / "missing.csv")
    assert err.value.code == "csv_not_found" and "missing.csv" in str(err.value)


def test_directory_is_unreadable(tmp_path):
    with pytest.raises(DataError) as err:
        load_csv(tmp_path)
    assert err.value.code == "csv_unreadable"


def test_not_utf8(tmp_path):
    with pytest.raises(DataError) as err:
        load_csv(write(tmp_path, "x,y\n1,caf\xe9\n".encode("latin-1")))
    assert err.value.code == "csv_not_utf8" and "UTF-8" in str(err.value)


@pytest.mark.parametrize("content", ["", "\n\n  \n", "\ufeff"])
def test_empty_file(tmp_path, content):
    with pytest.raises(DataError) as err:
        load_csv(write(tmp_path, content))
    assert err.value.code == "csv_empty"


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no time or disk spent

    def no_reading(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(DataError) as err:
        load_csv(path)
    assert err.value.code == "csv_too_large" and "50 MB" in str(err.value)


def test_too_many_cells(monkeypatch):
    monkeypatch.setattr(csv_data, "MAX_CELLS", 20)
    err = data_error("".join(f"{i},{i},{i % 2}\n" for i in range(7)))
    assert err.code == "csv_too_many_cells" and "20" in str(err)


def test_wrong_column_count_names_line_and_counts():
    err = data_error("x1,x2,y\n1,2,0\n3,4,1\n\n5,6\n7,8,1\n9,9,9,1\n")
    assert err.code == "csv_column_count"
    assert (err.params["line"], err.params["expected"], err.params["actual"]) == (5, 3, 2)
    assert str(err) == "line 5: expected 3 columns, found 2"
    assert err.params["bad_lines"] == (5, 7)


def test_line_numbers_count_multiline_quoted_cells():
    err = data_error('a,b,y\n1,"2\n",0\n3,4,1\n5,6\n7,8,1\n')
    assert err.params["line"] == 5


def test_non_numeric_cell_names_line_column_and_cell():
    err = data_error("x1,x2,y\n1,2,0\n3,abc,1\n5,6,0\n7,8,1\n")
    assert err.code == "csv_non_numeric"
    assert str(err) == "line 3, column x2: 'abc' is not a number"


def test_non_numeric_cell_without_header_names_the_column_number():
    err = data_error("1,2,0\n3,4,1\n5,six,0\n7,8,1\n")
    assert str(err) == "line 3, column col2: 'six' is not a number"


@pytest.mark.parametrize("cell", ["", "NA", "NaN", "nan", "n/a", "null", "?"])
def test_missing_values(cell):
    err = data_error(f"x1,x2,y\n1,2,0\n3,4,1\n{cell},6,0\n7,8,1\n")
    assert err.code == "csv_missing_value"
    assert (err.params["line"], err.params["column"]) == (4, "x1")
    assert "line 4, column x1" in str(err)


def test_missing_target_value():
    err = data_error("x,y\n1,0\n2,1\n3,\n4,1\n5,0\n")
    assert err.code == "csv_missing_value" and (err.params["line"], err.params["column"]) == (4, "y")


@pytest.mark.parametrize("cell", ["inf", "-Infinity", "1e999"])
def test_non_finite_values(cell):
    err = data_error(f"x1,x2,y\n1,2,0\n3,{cell},1\n5,6,0\n7,8,1\n")
    assert err.code == "csv_non_finite"
    assert "line 3, column x2" in str(err) and cell in str(err)


def test_non_finite_target_for_regression():
    err = data_error("x,y\n1,0.5\n2,inf\n3,1.5\n4,2.5\n")
    assert err.code == "csv_non_finite" and err.params["line"] == 3


def test_non_numeric_target_for_forced_regression():
    err = data_error("x,y\n1,a\n2,b\n3,a\n4,b\n", task="regression")
    assert err.code == "csv_non_numeric" and (err.params["line"], err.params["column"]) == (2, "y")


@pytest.mark.parametrize("rows", [0, 1, 3])
def test_too_few_rows(rows):
    err = data_error("x,y\n" + "".join(f"{i},{i % 2}\n" for i in range(rows)))
    assert err.code == "csv_too_few_rows" and err.params["count"] == rows


def test_class_with_one_sample():
    err = data_error("x,y\n1,a\n2,a\n3,b\n4,b\n5,c\n6,b\n")
    assert err.code == "csv_class_too_small"
    assert (err.params["label"], err.params["line"]) == ("c", 6)


def test_single_class():
    assert data_error("1,a\n2,a\n3,a\n4,a\n").code == "csv_single_class"


def test_too_many_string_classes_suggests_regression():
    err = data_error("".join(f"{i},class{i % 21}\n" for i in range(42)))
    assert err.code == "csv_too_many_classes"
    assert err.params["count"] == 21 and "regression" in str(err)


def test_too_many_classes_for_forced_classification():
    err = data_error("".join(f"{i},{i % 25}\n" for i in range(50)), task="multiclass")
    assert err.code == "csv_too_many_classes"


def test_only_a_target_column():
    assert data_error("1\n2\n1\n2\n").code == "csv_no_features"


def test_forced_binary_with_three_classes_is_a_setting_error():
    with pytest.raises(ConfigError) as err:
        parse_csv_text("1,a\n2,b\n3,c\n4,a\n5,b\n6,c\n", task="binary")
    assert err.value.params["field"] == "data.task" and err.value.code == "csv_not_binary"


@pytest.mark.parametrize("target", ["z", 3, -4, True])
def test_unknown_target_is_a_setting_error(target):
    with pytest.raises(ConfigError) as err:
        parse_csv_text("a,b,y\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n", target=target)
    assert err.value.params["field"] == "data.target" and "a, b, y" in str(err.value)


def test_long_cells_are_shortened_in_messages():
    err = data_error("x,y\n1,0\n" + "z" * 5000 + ",1\n3,0\n4,1\n")
    assert err.code == "csv_non_numeric" and len(str(err)) < 100


def test_oversized_field_is_a_data_error():
    err = data_error('x,y\n"' + "1" * 200_000 + '",1\n')
    assert err.code == "csv_malformed"


# --------------------------------------------------------------------------- fuzzing
CSV_TOKENS = st.sampled_from(
    ["1", "-2.5", "3e2", "0", "1", "x", "NA", "", "inf", '"', ",", ",", ";", "\t", "\n", "\n", "\r\n", " "]
)
CSV_LIKE = st.lists(CSV_TOKENS, max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(CSV_LIKE, st.text(max_size=200)), has_header=st.sampled_from(["auto", True, False]))
def test_random_text_loads_or_raises_data_error(text, has_header):
    try:
        data = parse_csv_text(text, has_header=has_header)
    except DataError as err:
        assert err.code.startswith("csv_") and str(err)
    else:
        assert len(data.x) >= 4 and np.isfinite(data.x).all()
        assert data.x.shape == (len(data.y), len(data.feature_names))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(content=st.binary(max_size=200))
def test_random_bytes_in_a_file_load_or_raise_data_error(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(content)
        try:
            load_csv(path)
        except DataError as err:
            assert err.code.startswith("csv_")


# --------------------------------------------------------------------------- special files (issue 11)
@pytest.mark.timeout(30)  # a named pipe used to block forever, /dev/zero to fill memory
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_or_a_device_is_refused_in_one_line(tmp_path):
    pipe = tmp_path / "data.csv"
    os.mkfifo(pipe)
    with pytest.raises(DataError) as err:
        load_csv(pipe)
    assert err.value.code == "csv_unreadable"
    assert str(err.value) == f"cannot read {pipe}: is a named pipe, not a file"
    if os.path.exists("/dev/zero"):
        with pytest.raises(DataError) as err:
            load_csv("/dev/zero")
        assert str(err.value) == "cannot read /dev/zero: is a character device, not a file"


def test_a_file_larger_than_it_says_is_cut_at_the_limit(monkeypatch):
    # /proc files report 0 bytes: the read still stops one byte past the limit.
    if not os.path.exists("/proc/self/status"):
        pytest.skip("no /proc")
    monkeypatch.setattr(csv_data, "MAX_FILE_BYTES", 10)
    with pytest.raises(DataError) as err:
        load_csv("/proc/self/status")
    assert err.value.code == "csv_too_large"


# --------------------------------------------------------------------------- one-line messages (issue 11)
def test_an_unclosed_quote_gives_a_one_line_message_with_a_short_cell():
    rows = "".join(f"{i},{i % 2}\n" for i in range(10))
    err = data_error("a,b\n" + rows + '5,"abc\n' + rows * 20)
    assert err.code == "csv_class_too_small"
    assert "\n" not in str(err) and len(str(err)) < 160
    assert err.params["label"].startswith("abc\\n0,0\\n1,1") and err.params["label"].endswith("…")


def test_a_nul_in_a_cell_is_escaped_in_the_message():
    err = data_error("a,b\n1,2\n3,4\x00x\n5,6\n7,8\n9,10\n", task="regression")
    assert err.code == "csv_non_numeric"
    assert str(err) == "line 3, column b: '4\\x00x' is not a number"


def test_control_characters_in_a_column_name_are_escaped():
    err = data_error('"x\ny",t\n1,0\nabc,1\n3,0\n4,1\n5,1\n')
    assert err.code == "csv_non_numeric"
    assert str(err) == "line 4, column x\\ny: 'abc' is not a number"
