// Hand-written feeds in the shapes merchants export (Merchant Center TSV/XML/Atom, Turkish and
// English CSV, Shopify and WooCommerce JSON), for the CLI's tests only. Kept as text here, not
// as data files in the repository; test-helpers.ts writes them to disk when a test asks.

/** Fixture file name → its exact text. */
export const FIXTURES: Record<string, string> = {
  "gmc-feed-atom.xml": `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
  <title>Northwind Outfitters</title>
  <link rel="self" href="https://northwind.example/feed.xml"/>
  <updated>2026-04-01T09:00:00Z</updated>
  <entry>
    <g:id>NW-100</g:id>
    <title>Linen Shorts – Sand</title>
    <link href="https://northwind.example/p/linen-shorts"/>
    <g:price>39.00 USD</g:price>
    <g:availability>in stock</g:availability>
    <g:brand>Northwind</g:brand>
    <g:product_type>Apparel &gt; Men &gt; Shorts</g:product_type>
  </entry>
  <entry>
    <g:id>NW-200</g:id>
    <title>Merino Wool Beanie</title>
    <link href="https://northwind.example/p/merino-beanie"/>
    <g:price>24.50 USD</g:price>
    <g:sale_price>19.99 USD</g:sale_price>
    <g:sale_price_effective_date>2020-01-01T00:00+0000/2020-01-31T23:59+0000</g:sale_price_effective_date>
    <g:availability>out_of_stock</g:availability>
  </entry>
</feed>
`,
  "gmc-feed.tsv": `id	title	link	image_link	price	sale_price	availability	brand	product_type	color	size	item_group_id	condition
NW-301-M	Cotton T-Shirt – Navy	https://northwind.example/p/cotton-tee?size=M	https://northwind.example/img/tee-navy.jpg	19.90 USD	14.90 USD	in stock	Northwind	Apparel > Men > T-Shirts	navy	M	NW-301	new
NW-301-L	Cotton T-Shirt – Navy	https://northwind.example/p/cotton-tee?size=L	https://northwind.example/img/tee-navy.jpg	19.90 USD		out of stock	Northwind	Apparel > Men > T-Shirts	navy	L	NW-301	new
NW-302	Down Puffer Jacket	https://northwind.example/p/puffer	https://northwind.example/img/puffer.jpg	189.00 USD		in stock	Northwind	Apparel > Women > Coats & Jackets	black			new
NW-301-M	Cotton T-Shirt – Navy (copy)	https://northwind.example/p/cotton-tee?size=M		19.90 USD		in stock	Northwind	Apparel > Men > T-Shirts	navy	M	NW-301	new
NW-303	Canvas Tote Bag	https://northwind.example/p/tote		25.00 USD	30.00 USD	in stock	Northwind	Accessories > Bags	ecru
NW-304	Straw Sun Hat	https://northwind.example/p/sun-hat		29.00 USD		sold maybe	Northwind	Accessories > Hats	natural			new
`,
  "gmc-feed.xml": `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
  <channel>
    <title>Ege Dokuma Mağaza</title>
    <link>https://ege-dokuma.example</link>
    <description>Ege Dokuma ürün akışı</description>
    <item>
      <g:id>GYM-0001-S</g:id>
      <g:item_group_id>GYM-0001</g:item_group_id>
      <title>Keten Gömlek Kısa Kollu – Bej</title>
      <link>https://ege-dokuma.example/urun/gym-0001.html?beden=S</link>
      <description><![CDATA[<p>%100 <b>keten</b>, rahat kesim.</p>]]></description>
      <g:image_link>https://ege-dokuma.example/img/gym-0001.jpg</g:image_link>
      <g:price>1299.90 TRY</g:price>
      <g:sale_price>999.90 TRY</g:sale_price>
      <g:availability>in stock</g:availability>
      <g:condition>new</g:condition>
      <g:brand>Ege Dokuma</g:brand>
      <g:product_type>Giyim &gt; Erkek &gt; Gömlek</g:product_type>
      <g:color>Bej</g:color>
      <g:size>S</g:size>
      <g:material>keten</g:material>
      <g:gender>male</g:gender>
      <g:custom_label_0>yeni-sezon</g:custom_label_0>
      <g:shipping>
        <g:country>TR</g:country>
        <g:price>0 TRY</g:price>
      </g:shipping>
    </item>
    <item>
      <g:id>GYM-0001-M</g:id>
      <g:item_group_id>GYM-0001</g:item_group_id>
      <title>Keten Gömlek Kısa Kollu – Bej</title>
      <link>https://ege-dokuma.example/urun/gym-0001.html?beden=M</link>
      <g:image_link>https://ege-dokuma.example/img/gym-0001.jpg</g:image_link>
      <g:price>1299.90 TRY</g:price>
      <g:sale_price>999.90 TRY</g:sale_price>
      <g:availability>in_stock</g:availability>
      <g:brand>Ege Dokuma</g:brand>
      <g:product_type>Giyim &gt; Erkek &gt; Gömlek</g:product_type>
      <g:color>Bej</g:color>
      <g:size>M</g:size>
      <g:material>keten</g:material>
    </item>
    <item>
      <g:id>GYM-0002</g:id>
      <title>KAŞE KABAN UZUN – LACİVERT</title>
      <link>/urun/gym-0002.html</link>
      <g:image_link>/img/gym-0002.jpg</g:image_link>
      <g:price>3.499,00 TRY</g:price>
      <g:availability>out of stock</g:availability>
      <g:brand>Ege Dokuma</g:brand>
      <g:product_type>Giyim &gt; Kadın &gt; Dış Giyim</g:product_type>
      <g:color>lacivert</g:color>
      <g:custom_label_0>kis-indirimi</g:custom_label_0>
      <g:custom_label_2>çok-satan</g:custom_label_2>
    </item>
    <item>
      <g:id>GYM-0003</g:id>
      <title>Pamuklu Kadın Bluz</title>
      <link>https://ege-dokuma.example/urun/gym-0003.html</link>
      <g:price>abc</g:price>
      <g:availability>in stock</g:availability>
    </item>
    <item>
      <g:id>GYM-0004</g:id>
      <title>Hasır Şapka</title>
      <link>javascript:alert(document.cookie)</link>
      <g:price>249.90 TRY</g:price>
    </item>
    <item>
      <g:id>GYM-0005</g:id>
      <title><![CDATA[<b>Yün</b> Atkı &amp; Bere Seti]]></title>
      <link>https://ege-dokuma.example/urun/gym-0005.html</link>
      <g:image_link>https://ege-dokuma.example/img/gym-0005.jpg</g:image_link>
      <g:price>449.00 TRY</g:price>
      <g:availability>preorder</g:availability>
      <g:google_product_category>Giyim ve Aksesuarlar &gt; Giyim Aksesuarları &gt; Atkılar</g:google_product_category>
      <g:pattern>ekose</g:pattern>
      <g:age_group>adult</g:age_group>
    </item>
    <item>
      <g:id>GYM-0006</g:id>
      <title>Deri Chelsea Bot</title>
      <link>https://ege-dokuma.example/urun/gym-0006.html</link>
      <g:price>2199 TRY</g:price>
      <g:availability>backorder</g:availability>
      <g:google_product_category>187</g:google_product_category>
      <g:size>42</g:size>
    </item>
  </channel>
</rss>
`,
  "products-en.csv": `id,title,url,image,price,sale_price,currency,availability,brand,category,color,size,material,season,tags,created_at,rating
EN-1,"Wool Overcoat, Charcoal",https://northwind.example/p/en-1,https://northwind.example/img/en-1.jpg,"1,299.90",999.90,USD,in stock,Northwind,Apparel > Men > Coats,charcoal,"S, M, L",wool,,"new, bestseller",2026-01-15,4.7
EN-2,Linen Shirt,https://northwind.example/p/en-2,data:image/png;base64AAAA,59.00,,USD,in_stock,Northwind,Apparel > Men > Shirts,white,M,linen,,,,
EN-3,Everyday Sneakers,/p/en-3,/img/en-3.jpg,89,,USD,backorder,Northwind,Shoes,white,42,,all,,12.03.2026,
EN-4,Rain Jacket,https://northwind.example/p/en-4,,120.00,130.00,USD,in stock,Northwind,Apparel > Women > Jackets,yellow,,,spring,,,
`,
  "thumbnails.csv": `id,title,url,image,thumbnail,price,currency
T-1,Mug,/p/t-1,/img/t-1.jpg,/img/t-1-200.jpg,10,EUR
T-2,Cup,/p/t-2,/img/t-2.jpg,javascript:alert(1),12,EUR
`,
  "shopify-products-page2.json": `{
  "products": [
    {
      "id": 7412345678904,
      "title": "Keten Şort",
      "handle": "keten-sort",
      "created_at": "2026-04-20T10:00:00+03:00",
      "vendor": "Moda Atölyesi",
      "product_type": "Giyim > Kadın > Şort",
      "tags": ["yaz"],
      "variants": [
        {
          "id": 42000000000030,
          "title": "Ekru / 36",
          "option1": "Ekru",
          "option2": "36",
          "option3": "Keten",
          "sku": "MA-SR-036",
          "available": true,
          "price": "649.90",
          "compare_at_price": "499.90"
        }
      ],
      "images": [{ "id": 3300000000030, "src": "https://cdn.shopify.example/s/files/sort.jpg" }],
      "options": [
        { "name": "Color", "position": 1, "values": ["Ekru"] },
        { "name": "Size", "position": 2, "values": ["36"] },
        { "name": "Malzeme", "position": 3, "values": ["Keten"] }
      ]
    }
  ]
}
`,
  "shopify-products.json": `{
  "products": [
    {
      "id": 7412345678901,
      "title": "Pamuklu Basic Tişört",
      "handle": "pamuklu-basic-tisort",
      "body_html": "<p>%100 pamuk, <strong>yumuşak</strong> dokulu tişört.</p>",
      "published_at": "2026-03-02T10:15:00+03:00",
      "created_at": "2026-03-01T09:00:00+03:00",
      "updated_at": "2026-04-10T12:00:00+03:00",
      "vendor": "Moda Atölyesi",
      "product_type": "Giyim > Kadın > Tişört",
      "tags": "yeni-sezon, basic, pamuk",
      "variants": [
        {
          "id": 42000000000001,
          "title": "Beyaz / S",
          "option1": "Beyaz",
          "option2": "S",
          "option3": null,
          "sku": "MA-TS-BYZ-S",
          "requires_shipping": true,
          "taxable": true,
          "featured_image": null,
          "available": true,
          "price": "399.90",
          "grams": 180,
          "compare_at_price": "549.90",
          "position": 1,
          "product_id": 7412345678901,
          "created_at": "2026-03-01T09:00:00+03:00",
          "updated_at": "2026-04-10T12:00:00+03:00"
        },
        {
          "id": 42000000000002,
          "title": "Beyaz / M",
          "option1": "Beyaz",
          "option2": "M",
          "option3": null,
          "sku": "MA-TS-BYZ-M",
          "featured_image": null,
          "available": true,
          "price": "399.90",
          "compare_at_price": "549.90",
          "position": 2,
          "product_id": 7412345678901
        },
        {
          "id": 42000000000003,
          "title": "Siyah / S",
          "option1": "Siyah",
          "option2": "S",
          "option3": null,
          "sku": "",
          "featured_image": {
            "id": 3300000000002,
            "src": "https://cdn.shopify.example/s/files/tisort-siyah.jpg"
          },
          "available": false,
          "price": "399.90",
          "compare_at_price": null,
          "position": 3,
          "product_id": 7412345678901
        }
      ],
      "images": [
        {
          "id": 3300000000001,
          "src": "https://cdn.shopify.example/s/files/tisort-beyaz.jpg",
          "variant_ids": [42000000000001, 42000000000002],
          "position": 1
        },
        {
          "id": 3300000000002,
          "src": "https://cdn.shopify.example/s/files/tisort-siyah.jpg",
          "variant_ids": [42000000000003],
          "position": 2
        }
      ],
      "options": [
        { "name": "Renk", "position": 1, "values": ["Beyaz", "Siyah"] },
        { "name": "Beden", "position": 2, "values": ["S", "M"] }
      ]
    },
    {
      "id": 7412345678902,
      "title": "Yün Karışımlı Balıkçı Yaka Kazak",
      "handle": "yun-karisimli-balikci-kazak",
      "created_at": "2025-10-15T08:30:00+03:00",
      "vendor": "Moda Atölyesi",
      "product_type": "Giyim/Kadın/Triko",
      "tags": ["kış", "triko"],
      "variants": [
        {
          "id": 42000000000010,
          "title": "Default Title",
          "option1": "Default Title",
          "option2": null,
          "option3": null,
          "sku": "MA-KZ-010",
          "available": true,
          "price": "1249.00",
          "compare_at_price": "1249.00"
        }
      ],
      "images": [
        { "id": 3300000000010, "src": "//cdn.shopify.example/s/files/kazak.jpg", "variant_ids": [] }
      ],
      "options": [{ "name": "Title", "position": 1, "values": ["Default Title"] }]
    },
    {
      "id": 7412345678903,
      "title": "Deri Sandalet",
      "handle": "deri-sandalet",
      "created_at": "2026-04-01T11:00:00+03:00",
      "vendor": "Adım Ayakkabı",
      "product_type": "Ayakkabı > Kadın > Sandalet",
      "tags": "",
      "variants": [
        {
          "id": 42000000000020,
          "title": "38 / Taba",
          "option1": "38",
          "option2": "Taba",
          "sku": "AD-SN-38",
          "available": true,
          "price": "abc",
          "compare_at_price": null
        },
        {
          "id": 42000000000021,
          "title": "39 / Taba",
          "option1": "39",
          "option2": "Taba",
          "sku": "AD-SN-39",
          "available": true,
          "price": "899.00",
          "compare_at_price": null
        }
      ],
      "images": [],
      "options": [
        { "name": "Numara", "position": 1, "values": ["38", "39"] },
        { "name": "Renk", "position": 2, "values": ["Taba"] }
      ]
    }
  ]
}
`,
  "urunler.csv": `Ürün Kodu;Ürün Adı;Bağlantı;Görsel;Fiyat;İndirimli Fiyat;Stok;Marka;Kategori;Renk;Beden;Sezon;Açıklama
TR-1001;Yünlü Kaşe Kaban;/urun/tr-1001;/img/tr-1001.jpg;3.499,90;2.999,90;12;Anadolu Giyim;Giyim > Kadın > Kaban;Camel;S, M, L;;"Sıcak tutar; astarlı"
TR-1002;İnce Triko Hırka;/urun/tr-1002;/img/tr-1002.jpg;899,00;;0;Anadolu Giyim;Giyim > Kadın > Hırka;Gri;M;İlkbahar;
TR-1003;Keten Pantolon;/urun/tr-1003;;1.250;;stokta;Anadolu Giyim;Giyim > Erkek > Pantolon;Bej;38,5;;
TR-1004;Plaj Havlusu;/urun/tr-1004;;yok;;5;Ev Tekstili;Ev > Banyo;Mavi;;;
TR-1005;ŞORT IŞIKLI DESEN;/urun/tr-1005;;199,9;;tükendi;Anadolu Giyim;Giyim > Çocuk;Sarı;;;
`,
  "woocommerce-products.json": `[
  {
    "id": 311,
    "name": "Kadın Elbise &#8211; Lacivert &amp; Beyaz <strong>Çizgili</strong>",
    "slug": "kadin-elbise-lacivert-beyaz",
    "parent": 0,
    "type": "variable",
    "variation": "",
    "permalink": "https://butik.example/urun/kadin-elbise-lacivert-beyaz/",
    "sku": "BTK-EL-311",
    "short_description": "<p>Viskon, midi boy.</p>",
    "description": "<p>Yazlık viskon elbise &hellip;</p>",
    "on_sale": true,
    "prices": {
      "price": "129990",
      "regular_price": "169990",
      "sale_price": "129990",
      "price_range": null,
      "currency_code": "TRY",
      "currency_symbol": "₺",
      "currency_minor_unit": 2,
      "currency_decimal_separator": ",",
      "currency_thousand_separator": ".",
      "currency_prefix": "₺",
      "currency_suffix": ""
    },
    "average_rating": "4.50",
    "review_count": 12,
    "images": [
      {
        "id": 901,
        "src": "https://butik.example/wp-content/uploads/2026/04/elbise.jpg",
        "thumbnail": "https://butik.example/wp-content/uploads/2026/04/elbise-300x300.jpg",
        "name": "elbise.jpg",
        "alt": ""
      }
    ],
    "categories": [
      {
        "id": 15,
        "name": "Kadın",
        "slug": "kadin",
        "link": "https://butik.example/kategori/kadin/"
      },
      {
        "id": 22,
        "name": "Elbise &amp; Tulum",
        "slug": "elbise-tulum",
        "link": "https://butik.example/kategori/kadin/elbise-tulum/"
      }
    ],
    "tags": [{ "id": 40, "name": "Yeni Sezon", "slug": "yeni-sezon" }],
    "brands": [{ "id": 5, "name": "Butik Lara", "slug": "butik-lara" }],
    "attributes": [
      {
        "id": 1,
        "name": "Renk",
        "taxonomy": "pa_renk",
        "has_variations": false,
        "terms": [{ "id": 51, "name": "Lacivert", "slug": "lacivert" }]
      },
      {
        "id": 2,
        "name": "Beden",
        "taxonomy": "pa_beden",
        "has_variations": true,
        "terms": [
          { "id": 61, "name": "S", "slug": "s" },
          { "id": 62, "name": "M", "slug": "m" },
          { "id": 63, "name": "L", "slug": "l" }
        ]
      }
    ],
    "variations": [
      { "id": 312, "attributes": [{ "name": "Beden", "value": "s" }] },
      { "id": 313, "attributes": [{ "name": "Beden", "value": "m" }] },
      { "id": 314, "attributes": [{ "name": "Beden", "value": "l" }] }
    ],
    "is_purchasable": true,
    "is_in_stock": true,
    "is_on_backorder": false,
    "low_stock_remaining": null,
    "sold_individually": false,
    "add_to_cart": {
      "text": "Seçenekleri seçin",
      "description": "",
      "url": "https://butik.example/urun/kadin-elbise-lacivert-beyaz/"
    }
  },
  {
    "id": 320,
    "name": "Şişme Mont &#8220;Kar&#8221; &ndash; Haki",
    "slug": "sisme-mont-kar-haki",
    "parent": 0,
    "type": "simple",
    "permalink": "https://butik.example/urun/sisme-mont-kar-haki/",
    "sku": "",
    "on_sale": false,
    "prices": {
      "price": "249900",
      "regular_price": "249900",
      "sale_price": "249900",
      "currency_code": "TRY",
      "currency_minor_unit": 2
    },
    "average_rating": "0",
    "images": [],
    "categories": [{ "id": 15, "name": "Kadın" }, { "id": 30, "name": "Dış Giyim" }],
    "attributes": [],
    "variations": [],
    "is_in_stock": false,
    "is_on_backorder": false
  },
  {
    "id": 330,
    "name": "Hasır Plaj Çantası",
    "parent": 0,
    "type": "simple",
    "permalink": "https://butik.example/urun/hasir-plaj-cantasi/",
    "sku": "BTK-CN-330",
    "prices": {
      "price": "599,90",
      "regular_price": "599,90",
      "sale_price": "599,90",
      "currency_code": "TRY",
      "currency_minor_unit": 2
    },
    "categories": [{ "id": 40, "name": "Aksesuar" }],
    "attributes": [],
    "is_in_stock": true
  },
  {
    "id": 340,
    "name": "Ahşap Çerçeveli Güneş Gözlüğü",
    "parent": 0,
    "type": "simple",
    "permalink": "https://butik.example/urun/gunes-gozlugu/",
    "sku": "BTK-GZ-340",
    "prices": {
      "price": "45000",
      "regular_price": "45000",
      "sale_price": "45000",
      "currency_code": "TRY",
      "currency_minor_unit": 2
    },
    "categories": [{ "id": 40, "name": "Aksesuar" }],
    "attributes": [
      {
        "id": 3,
        "name": "Malzeme",
        "taxonomy": "pa_malzeme",
        "terms": [{ "id": 70, "name": "Ahşap" }]
      }
    ],
    "is_in_stock": true,
    "is_on_backorder": true
  }
]
`,
};
